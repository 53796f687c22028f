package com.phuketapp.platform.web;

import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.AuthenticatedUser;
import com.phuketapp.platform.BearerAuthenticator;
import com.phuketapp.platform.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a valid {@code Authorization: Bearer} header into the request's {@link AuthenticatedUser}. A header that is
 * present but not acceptable is refused here with the precise code (expired, revoked, invalid), even on a public
 * route: a client that sends a broken token should hear about it. Credential routes (sign-in, refresh) are left
 * alone: their caller proves who it is in the body, and an expired token is why it came.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    /** Far longer than any token we issue; anything longer is refused before it is parsed. */
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final BearerAuthenticator authenticator;
    private final ErrorResponder responder;
    private final Set<String> credentialPaths;

    BearerTokenFilter(BearerAuthenticator authenticator, ErrorResponder responder, Set<String> credentialPaths) {
        this.authenticator = authenticator;
        this.responder = responder;
        this.credentialPaths = Set.copyOf(credentialPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return credentialPaths.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        AuthenticatedUser user;
        try {
            if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                    || header.length() > PREFIX.length() + MAX_TOKEN_LENGTH) {
                throw new ApiException(ErrorCode.UNAUTHORIZED);
            }
            user = authenticator.authenticate(header.substring(PREFIX.length()).strip());
        } catch (ApiException refused) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            responder.write(request, response, refused);
            return;
        }
        var authorities = List.of(new SimpleGrantedAuthority(user.admin() ? "ROLE_ADMIN" : "ROLE_TRAVELLER"));
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
