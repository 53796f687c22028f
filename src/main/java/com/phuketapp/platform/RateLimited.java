package com.phuketapp.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a controller (or one handler) under one of the contract's rate limits, counted per signed-in user or, for
 * anonymous callers, per client address; {@link Category#AUTH} always per address (system design §5.3). Limits are configuration
 * ({@code phuket.rate-limits.<category>.*}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    Category value();

    /** The contract's categories (system design §5.3). */
    enum Category {
        /** Always per address: every new account's token would otherwise bring a fresh budget of guesses. */
        AUTH("auth", true),
        AI_CHAT("ai-chat", false),
        SEARCH("search", false),
        CATALOG_LIST("catalog-list", false),
        CATALOG_DETAIL("catalog-detail", false),
        USER("user", false),
        /** The back office (not in the contract): an operator working through bookings makes many requests a minute. */
        ADMIN("admin", false);

        private final String code;
        private final boolean perAddress;

        Category(String code, boolean perAddress) {
            this.code = code;
            this.perAddress = perAddress;
        }

        /** Whether callers are counted per client address even when signed in. */
        public boolean perAddress() {
            return perAddress;
        }

        /** The name in configuration, Redis keys and the {@code RateLimit} headers. */
        public String code() {
            return code;
        }
    }
}
