package com.phuketapp.booking.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Free cancellation until {@code freeUntil} before the start, then {@code feePercent} of the price is kept.
 *
 * @param freeUntil  how long before the start (local midnight of the first day) cancelling is free
 * @param feePercent the share of the price kept after that, 0 to 100
 */
public record CancellationPolicy(Duration freeUntil, int feePercent) {

    public CancellationPolicy {
        if (freeUntil.isNegative() || feePercent < 0 || feePercent > 100) {
            throw new IllegalArgumentException("freeUntil " + freeUntil + ", feePercent " + feePercent);
        }
    }

    /** The fee for cancelling at {@code now} a booking of {@code price} that starts at {@code start}. */
    public BigDecimal fee(BigDecimal price, Instant start, Instant now) {
        if (now.isBefore(start.minus(freeUntil))) {
            return BigDecimal.ZERO.setScale(2);
        }
        return price.multiply(BigDecimal.valueOf(feePercent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}
