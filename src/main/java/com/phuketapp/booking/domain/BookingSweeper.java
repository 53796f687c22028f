package com.phuketapp.booking.domain;

import com.phuketapp.booking.BookingExpiring;
import com.phuketapp.booking.config.BookingProperties;
import com.phuketapp.booking.persistence.BookingRepository;
import com.phuketapp.booking.persistence.IdempotencyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires unpaid holds, reminds travellers before theirs run out, completes bookings that are over and forgets old
 * idempotency keys. Every instance runs it; the statements skip rows another instance has locked. Each batch is a
 * transaction of its own, with the events it publishes.
 */
@Component
public class BookingSweeper {

    private static final Logger log = LoggerFactory.getLogger(BookingSweeper.class);

    /** Rows one statement handles; a sweep repeats until less comes back. */
    static final int BATCH = 200;

    private final BookingService bookingService;
    private final BookingRepository bookings;
    private final IdempotencyRepository idempotency;
    private final BookingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    BookingSweeper(
            BookingService bookingService,
            BookingRepository bookings,
            IdempotencyRepository idempotency,
            BookingProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.bookingService = bookingService;
        this.bookings = bookings;
        this.idempotency = idempotency;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${phuket.booking.sweep-interval:30s}", initialDelayString = "10s")
    public void sweep() {
        try {
            int reminded = repeat(this::remindExpiring);
            int expired = repeat(this::expireOverdue);
            int completed = repeat(() -> bookings.completeFinished(bookingService.today(), clock.instant(), BATCH)
                    .size());
            int forgotten = idempotency.forgetOlderThan(clock.instant().minus(properties.idempotencyKeyTtl()));
            if (reminded + expired + completed + forgotten > 0) {
                log.info(
                        "Booking sweep: {} reminded, {} expired, {} completed, {} idempotency keys forgotten",
                        reminded,
                        expired,
                        completed,
                        forgotten);
            }
        } catch (RuntimeException failure) {
            // The next sweep tries again; the database being away for a moment must not end the schedule.
            log.warn("Booking sweep failed: {}", failure.toString());
        }
    }

    /** Cancels pending bookings whose hold ran out, freeing their dates. */
    private int expireOverdue() {
        List<Booking> expired = bookings.expireOverdue(null, clock.instant(), BATCH);
        bookingService.released(expired);
        return expired.size();
    }

    /** Warns travellers whose unpaid hold runs out within {@code expiryReminder}. */
    private int remindExpiring() {
        Instant now = clock.instant();
        List<Booking> expiring = bookings.remindExpiring(now, now.plus(properties.expiryReminder()), BATCH);
        expiring.forEach(booking -> events.publishEvent(
                new BookingExpiring(booking.summary(), Objects.requireNonNull(booking.holdExpiresAt()))));
        return expiring.size();
    }

    private int repeat(IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = Objects.requireNonNull(transaction.execute(status -> batch.getAsInt()));
            total += done;
        } while (done == BATCH);
        return total;
    }
}
