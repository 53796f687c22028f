package com.phuketapp.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the client really is. {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only when the request
 * comes from one of {@code TRUSTED_PROXIES} (CIDR list): the client is then the right-most address in the chain that
 * is not itself a trusted proxy. Anyone else could write any address there and dodge the per-address rate limits.
 * Everything downstream (rate limits, audit, HSTS) reads {@code getRemoteAddr()} and {@code isSecure()}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ClientAddressFilter extends OncePerRequestFilter {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddressFilter(WebProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream()
                .map(String::strip)
                .filter(cidr -> !cidr.isEmpty())
                .map(IpAddressMatcher::new)
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!trusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String client = client(request.getHeaders("X-Forwarded-For").asIterator(), request.getRemoteAddr());
        String proto = request.getHeader("X-Forwarded-Proto");
        boolean secure = proto == null ? request.isSecure() : "https".equalsIgnoreCase(proto.split(",")[0].strip());
        chain.doFilter(new ForwardedRequest(request, client, secure), response);
    }

    private String client(Iterator<String> headers, String peer) {
        List<String> chain = new ArrayList<>();
        headers.forEachRemaining(header -> {
            for (String hop : header.split(",")) {
                chain.add(hop.strip());
            }
        });
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = address(chain.get(i));
            if (hop == null) {
                break; // a malformed hop: trust nothing to its left
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return client;
    }

    /**
     * The address of a hop, without the port some proxies add ({@code 198.51.100.9:51234}, {@code [2001:db8::1]:443}):
     * with it, every connection of one client would have a rate-limit bucket of its own. {@code null} if it is none.
     */
    static @Nullable String address(String hop) {
        String address = hop;
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            address = end < 0 ? "" : address.substring(1, end);
        } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':')); // IPv4 and a port: IPv6 has two colons or more
        }
        return IP_LITERAL.matcher(address).matches() ? address : null;
    }

    private boolean trusted(String address) {
        for (IpAddressMatcher proxy : trustedProxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    private static final class ForwardedRequest extends HttpServletRequestWrapper {

        private final String client;
        private final boolean secure;

        ForwardedRequest(HttpServletRequest request, String client, boolean secure) {
            super(request);
            this.client = client;
            this.secure = secure;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getScheme() {
            return secure ? "https" : super.getScheme();
        }
    }
}
