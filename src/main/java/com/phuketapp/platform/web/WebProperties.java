package com.phuketapp.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings of the platform ({@code phuket.web.*}).
 *
 * @param maxBodySize        the largest request body accepted; larger ones answer 413
 * @param trustedProxies     {@code TRUSTED_PROXIES}: CIDRs whose {@code X-Forwarded-For} and {@code -Proto} are
 *                           believed; none by default
 * @param corsAllowedOrigins {@code CORS_ALLOWED_ORIGINS}: origins (e.g. {@code https://app.phuket-app.com}) whose
 *                           browser pages may call the API; none by default, and an unlisted origin is never echoed
 * @param maxConcurrentRequests how many requests an instance works on at once; the rest wait their turn, in order
 */
@ConfigurationProperties("phuket.web")
record WebProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("200") int maxConcurrentRequests) {}
