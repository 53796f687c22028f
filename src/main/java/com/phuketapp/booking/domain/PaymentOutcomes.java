package com.phuketapp.booking.domain;

import com.phuketapp.payment.PaymentFailed;
import com.phuketapp.payment.PaymentSucceeded;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Payment outcomes for bookings (the payment's reference is the booking id). Listens inside the transaction that
 * records the webhook event, so a booking is confirmed exactly when the event is marked handled.
 */
@Component
class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final BookingPayments bookings;

    PaymentOutcomes(BookingPayments bookings) {
        this.bookings = bookings;
    }

    @EventListener
    void on(PaymentSucceeded payment) {
        UUID bookingId = bookingId(payment.reference());
        if (bookingId == null) {
            log.warn("Payment {} has no booking reference ({}); ignored", payment.paymentId(), payment.reference());
            return;
        }
        bookings.paid(bookingId, payment.paymentId(), payment.amount(), payment.currency());
    }

    /** The booking stays pending: the traveller may try another card until the hold runs out. */
    @EventListener
    void on(PaymentFailed payment) {
        log.info("Payment {} for booking {} failed: {}", payment.paymentId(), payment.reference(), payment.reason());
    }

    private static @Nullable UUID bookingId(String reference) {
        try {
            return UUID.fromString(reference);
        } catch (IllegalArgumentException notABooking) {
            return null;
        }
    }
}
