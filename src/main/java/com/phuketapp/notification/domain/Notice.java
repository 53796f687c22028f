package com.phuketapp.notification.domain;

import com.phuketapp.booking.BookingSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing to tell a traveller, as queued: rendered in their language only when it is sent.
 *
 * @param event  {@code created}, {@code confirmed}, {@code cancelled} or {@code expiring}
 * @param until  when an unpaid hold runs out (created, expiring)
 * @param reason why it was cancelled (cancelled)
 * @param refund what goes back to the card (cancelled)
 * @param channels where it still has to go: {@code email}, {@code push}; a retry goes only where it has not arrived
 */
public record Notice(
        UUID userId,
        String event,
        BookingSummary booking,
        @Nullable Instant until,
        @Nullable String reason,
        @Nullable BigDecimal refund,
        Set<String> channels) {

    public static final String EMAIL = "email";
    public static final String PUSH = "push";

    public Notice {
        channels = Set.copyOf(channels);
    }

    static Notice of(
            UUID userId,
            String event,
            BookingSummary booking,
            @Nullable Instant until,
            @Nullable String reason,
            @Nullable BigDecimal refund) {
        return new Notice(userId, event, booking, until, reason, refund, Set.of(EMAIL, PUSH));
    }

    Notice onlyTo(Set<String> remaining) {
        return new Notice(userId, event, booking, until, reason, refund, remaining);
    }
}
