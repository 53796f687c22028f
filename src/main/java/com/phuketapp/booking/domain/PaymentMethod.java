package com.phuketapp.booking.domain;

/** How a booking is paid: by card online, or on arrival (the fallback when online payment is not available). */
public enum PaymentMethod {
    CARD,
    ON_ARRIVAL;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PaymentMethod of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
