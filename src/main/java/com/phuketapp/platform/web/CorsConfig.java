package com.phuketapp.platform.web;

import com.phuketapp.platform.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Browsers may call the API from the origins in {@code CORS_ALLOWED_ORIGINS} only. An unlisted origin gets no CORS
 * headers on a normal request (the browser then hides the answer) and a 403 envelope on a preflight.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(WebProperties properties, ErrorResponder responder) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(properties.corsAllowedOrigins().stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .toList());
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        api.setAllowedHeaders(
                List.of("Authorization", "Content-Type", "Accept-Language", "Idempotency-Key", "X-Request-ID"));
        api.setExposedHeaders(List.of(
                "X-Request-ID",
                "X-Total-Count",
                "X-Page",
                "X-Per-Page",
                "X-Total-Pages",
                "Link",
                "Retry-After",
                "RateLimit",
                "RateLimit-Policy"));
        api.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", api);

        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            public boolean processRequest(
                    @Nullable CorsConfiguration configuration, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                boolean valid = super.processRequest(configuration, request, response);
                if (!valid) {
                    responder.write(request, response, ErrorCode.FORBIDDEN);
                }
                return valid;
            }

            /** The refusal is written as our envelope by {@link #processRequest}. */
            @Override
            protected void rejectRequest(ServerHttpResponse response) {}
        });
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
