package com.phuketapp.notification.domain;

import com.phuketapp.booking.BookingSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing to tell a traveller, as queued: rendered in their language only when it is sent.
 *
 * @param event  {@code created}, {@code confirmed}, {@code cancelled} or {@code expiring}
 * @param until  when an unpaid hold runs out (created, expiring)
 * @param reason why it was cancelled (cancelled)
 * @param refund what goes back to the card (cancelled)
 */
public record Notice(
        UUID userId,
        String event,
        BookingSummary booking,
        @Nullable Instant until,
        @Nullable String reason,
        @Nullable BigDecimal refund) {}
