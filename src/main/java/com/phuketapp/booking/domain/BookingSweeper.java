package com.phuketapp.booking.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires unpaid holds, reminds travellers before theirs run out, completes bookings that are over and forgets old
 * idempotency keys. Every instance runs it; the statements skip rows another instance has locked.
 */
@Component
public class BookingSweeper {

    private static final Logger log = LoggerFactory.getLogger(BookingSweeper.class);

    private final BookingService bookings;

    BookingSweeper(BookingService bookings) {
        this.bookings = bookings;
    }

    @Scheduled(fixedDelayString = "${phuket.booking.sweep-interval:30s}", initialDelayString = "10s")
    public void sweep() {
        try {
            int reminded = repeat(bookings::remindExpiring);
            int expired = repeat(bookings::expireOverdue);
            int completed = repeat(bookings::completeFinished);
            int forgotten = bookings.forgetIdempotencyKeys();
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

    private static int repeat(java.util.function.IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = batch.getAsInt();
            total += done;
        } while (done == BookingService.SWEEP_BATCH);
        return total;
    }
}
