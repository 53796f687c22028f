package com.phuketapp.booking;

import java.math.BigDecimal;

/**
 * The booking is cancelled and its dates are free again.
 *
 * @param reason {@code traveller}, {@code admin} or {@code expired} (an unpaid hold ran out)
 * @param fee    what the cancellation policy keeps
 * @param refund what goes back to the traveller's card
 */
public record BookingCancelled(BookingSummary booking, String reason, BigDecimal fee, BigDecimal refund) {}
