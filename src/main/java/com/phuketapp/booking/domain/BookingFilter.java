package com.phuketapp.booking.domain;

import com.phuketapp.catalog.ItemKind;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which bookings a list shows; each {@code null} means any. {@code from}/{@code to} keep those touching the dates. */
public record BookingFilter(
        @Nullable UUID userId,
        @Nullable BookingStatus status,
        @Nullable ItemKind itemKind,
        @Nullable UUID itemId,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static BookingFilter ofUser(UUID userId, @Nullable BookingStatus status) {
        return new BookingFilter(userId, status, null, null, null, null);
    }
}
