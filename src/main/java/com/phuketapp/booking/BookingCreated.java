package com.phuketapp.booking;

import java.time.Instant;

/** A traveller booked: the booking is pending and holds its dates until {@code holdExpiresAt}. */
public record BookingCreated(BookingSummary booking, Instant holdExpiresAt) {}
