package com.phuketapp.booking;

import java.time.Instant;

/** An unpaid booking's hold runs out soon: the traveller still has until {@code holdExpiresAt} to pay. */
public record BookingExpiring(BookingSummary booking, Instant holdExpiresAt) {}
