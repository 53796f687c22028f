package com.phuketapp.booking.domain;

import com.phuketapp.booking.BookingSummary;
import com.phuketapp.catalog.ItemKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One booking as stored. Its status changes only through {@link BookingService}, which asks
 * {@link BookingStatus#canBecome} first and writes the change under a row lock.
 *
 * @param amountPaid         what the payment provider confirmed was paid (0 when paid on arrival)
 * @param cancellationReason {@code traveller}, {@code admin} or {@code expired}
 */
public record Booking(
        UUID id,
        String confirmationCode,
        UUID userId,
        ItemKind itemKind,
        UUID itemId,
        String itemNameEn,
        String itemNameRu,
        Stay stay,
        int guests,
        BookingStatus status,
        BigDecimal totalPrice,
        String currency,
        PaymentMethod paymentMethod,
        @Nullable String paymentReference,
        BigDecimal amountPaid,
        @Nullable Instant holdExpiresAt,
        @Nullable String cancellationReason,
        @Nullable BigDecimal cancellationFee,
        @Nullable BigDecimal refundAmount,
        Instant createdAt,
        @Nullable Instant confirmedAt,
        @Nullable Instant cancelledAt,
        @Nullable Instant completedAt) {

    public BookingSummary summary() {
        return new BookingSummary(
                id,
                confirmationCode,
                userId,
                itemKind,
                itemId,
                itemNameEn,
                itemNameRu,
                stay.start(),
                stay.end(),
                guests,
                totalPrice,
                currency);
    }
}
