package com.phuketapp.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a controller (or one handler) under one of the contract's rate limits, counted per signed-in user or, for
 * anonymous callers, per client address; {@link Category#AUTH} always per address (system design §5.3), or every new
 * account's token would bring a fresh budget of sign-ups and password guesses. Limits are configuration
 * ({@code phuket.rate-limits.<category>.*}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    Category value();

    /** The contract's categories (system design §5.3). */
    enum Category {
        AUTH("auth"),
        AI_CHAT("ai-chat"),
        SEARCH("search"),
        CATALOG_LIST("catalog-list"),
        CATALOG_DETAIL("catalog-detail"),
        USER("user"),
        /** The back office (not in the contract): an operator working through bookings makes many requests a minute. */
        ADMIN("admin");

        private final String code;

        Category(String code) {
            this.code = code;
        }

        /** The name in configuration, Redis keys and the {@code RateLimit} headers. */
        public String code() {
            return code;
        }
    }
}
