package com.phuketapp.identity.web;

import com.phuketapp.identity.domain.AccountService;
import com.phuketapp.identity.web.IdentityHttp.LoginRequest;
import com.phuketapp.identity.web.IdentityHttp.LogoutRequest;
import com.phuketapp.identity.web.IdentityHttp.RefreshRequest;
import com.phuketapp.identity.web.IdentityHttp.RegisterRequest;
import com.phuketapp.identity.web.IdentityHttp.TokenView;
import com.phuketapp.platform.AuthenticatedUser;
import com.phuketapp.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, sign-in, token refresh and sign-out (contract → Auth). */
@RestController
@RequestMapping("/v1/auth")
class AuthController {

    private final AccountService accounts;

    AuthController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/register")
    @RateLimited(RateLimited.Category.AUTH)
    @ResponseStatus(HttpStatus.CREATED)
    TokenView register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        return TokenView.of(accounts.register(
                body.email(), body.password(), body.fullName(), body.phone(), body.locale(), request.getRemoteAddr()));
    }

    @PostMapping("/login")
    @RateLimited(RateLimited.Category.AUTH)
    TokenView login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return TokenView.of(accounts.login(body.email(), body.password(), request.getRemoteAddr()));
    }

    /** The presented refresh token is spent; presenting it again ends the whole login. */
    @PostMapping("/refresh")
    @RateLimited(RateLimited.Category.AUTH)
    TokenView refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
        return TokenView.of(accounts.refresh(body.refreshToken(), request.getRemoteAddr()));
    }

    @PostMapping("/logout")
    @RateLimited(RateLimited.Category.USER)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(
            @AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody(required = false) @Nullable LogoutRequest body,
            HttpServletRequest request) {
        accounts.logout(caller, body == null ? null : body.refreshToken(), request.getRemoteAddr());
    }
}
