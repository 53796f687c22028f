package com.phuketapp.booking.domain;

import java.util.Set;

/** Where a booking is in its life: {@code pending → confirmed → completed}, or from either of the first two to cancelled. */
public enum BookingStatus {
    PENDING,
    CONFIRMED,
    COMPLETED,
    CANCELLED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static BookingStatus of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean canBecome(BookingStatus next) {
        return switch (this) {
            case PENDING -> Set.of(CONFIRMED, CANCELLED).contains(next);
            case CONFIRMED -> Set.of(COMPLETED, CANCELLED).contains(next);
            case COMPLETED, CANCELLED -> false;
        };
    }

    /** Live bookings hold their dates. */
    public boolean live() {
        return this == PENDING || this == CONFIRMED;
    }
}
