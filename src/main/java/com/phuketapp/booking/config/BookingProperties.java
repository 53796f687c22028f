package com.phuketapp.booking.config;

import com.phuketapp.booking.domain.CancellationPolicy;
import com.phuketapp.catalog.ItemKind;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Booking settings ({@code phuket.booking.*}).
 *
 * @param hold               how long an unpaid booking (card payment) holds its dates
 * @param manualHold         how long a booking paid on arrival waits for an admin to confirm it
 * @param expiryReminder     how long before a hold runs out the traveller is reminded
 * @param zone               where "today" and a booking's start are reckoned: Phuket's time zone
 * @param maxDays            the longest rental or stay one booking may cover
 * @param maxDaysAhead       how far ahead a booking may start
 * @param idempotencyKeyTtl  how long an {@code Idempotency-Key} is remembered
 * @param sweepInterval      how often holds are expired and finished bookings completed
 * @param vehicleCancellation  free until this long before the first day, then the fee
 * @param propertyCancellation free until this long before check-in, then the fee
 * @param tourCancellation     free until this long before the tour's date, then the fee
 *     (the three policies' defaults are in {@code application.yml})
 */
@ConfigurationProperties("phuket.booking")
public record BookingProperties(
        @DefaultValue("30m") Duration hold,
        @DefaultValue("24h") Duration manualHold,
        @DefaultValue("10m") Duration expiryReminder,
        @DefaultValue("Asia/Bangkok") ZoneId zone,
        @DefaultValue("90") int maxDays,
        @DefaultValue("365") int maxDaysAhead,
        @DefaultValue("24h") Duration idempotencyKeyTtl,
        @DefaultValue("30s") Duration sweepInterval,
        CancellationPolicy vehicleCancellation,
        CancellationPolicy propertyCancellation,
        CancellationPolicy tourCancellation) {

    public CancellationPolicy cancellation(ItemKind kind) {
        return switch (kind) {
            case VEHICLE -> vehicleCancellation;
            case PROPERTY -> propertyCancellation;
            case TOUR -> tourCancellation;
        };
    }
}
