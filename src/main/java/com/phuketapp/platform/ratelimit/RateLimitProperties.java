package com.phuketapp.platform.ratelimit;

import com.phuketapp.platform.RateLimited.Category;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code phuket.rate-limits.*}); the defaults in {@code application.yml} are the contract's.
 *
 * @param enabled    off only for tests of other things; benchmarks keep it on
 * @param categories per category ({@code auth}, {@code ai-chat}, {@code search}, {@code catalog-list},
 *                   {@code catalog-detail}, {@code user}): how many requests per window
 */
@ConfigurationProperties("phuket.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, Limit> categories) {

    /**
     * @param requests how many requests a caller may make per {@code window}; they come back gradually
     * @param window   the window
     * @param maxWait  how long a request over the limit may wait for its turn instead of a 429 (0: never waits)
     * @param maxQueue how many requests per instance may wait at once; beyond that, 429 at once
     */
    record Limit(
            int requests,
            @DefaultValue("1m") Duration window,
            @DefaultValue("0s") Duration maxWait,
            @DefaultValue("0") int maxQueue) {}

    Limit limit(Category category) {
        Limit limit = categories.get(category.code());
        if (limit == null) {
            throw new IllegalStateException("No phuket.rate-limits.categories." + category.code() + " configured");
        }
        return limit;
    }
}
