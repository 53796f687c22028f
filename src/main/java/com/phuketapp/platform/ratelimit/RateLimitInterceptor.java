package com.phuketapp.platform.ratelimit;

import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.AuthenticatedUser;
import com.phuketapp.platform.ErrorCode;
import com.phuketapp.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies {@link RateLimited} before the handler runs: per user when signed in, per client address otherwise (and
 * always for a category counted per address). Every answer of a limited route says where the caller stands
 * ({@code RateLimit-Policy}, {@code RateLimit}, in the IETF draft's structured form); a 429 also says when to come
 * back ({@code Retry-After}).
 */
class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;
    private final RateLimitProperties properties;

    RateLimitInterceptor(RateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RateLimited rateLimited = method.hasMethodAnnotation(RateLimited.class)
                ? method.getMethodAnnotation(RateLimited.class)
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimited.class);
        if (rateLimited == null) {
            return true;
        }
        RateLimited.Category category = rateLimited.value();
        RateLimiter.Decision decision = limiter.consume(category, caller(category, request));
        RateLimitProperties.Limit limit = properties.limit(category);
        String name = "\"" + category.code() + "\"";
        response.setHeader(
                "RateLimit-Policy",
                name + ";q=" + limit.requests() + ";w=" + limit.window().toSeconds());
        response.setHeader("RateLimit", name + ";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
        if (!decision.allowed()) {
            response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            throw new ApiException(ErrorCode.RATE_LIMITED);
        }
        return true;
    }

    private static String caller(RateLimited.Category category, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!category.perAddress()
                && authentication != null
                && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return "user:" + user.id();
        }
        return "ip:" + network(request.getRemoteAddr());
    }

    /**
     * The caller's network: an IPv4 address itself, an IPv6 address its /64, which one subscriber usually holds
     * whole (counted per address, it would give them billions of budgets).
     */
    private static String network(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
            if (bytes.length != 16) {
                return address;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
