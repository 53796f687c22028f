package com.phuketapp.booking.domain;

import com.phuketapp.booking.BookingConfirmed;
import com.phuketapp.booking.config.BookingProperties;
import com.phuketapp.booking.persistence.BookingRepository;
import com.phuketapp.payment.PaymentApi;
import com.phuketapp.payment.PaymentInProgress;
import com.phuketapp.payment.PaymentIntent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Card payments of bookings: starting one, and what a confirmed payment does to its booking. */
@Service
public class BookingPayments {

    private static final Logger log = LoggerFactory.getLogger(BookingPayments.class);

    private final BookingService bookingService;
    private final BookingRepository bookings;
    private final PaymentApi payments;
    private final BookingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BookingPayments(
            BookingService bookingService,
            BookingRepository bookings,
            PaymentApi payments,
            BookingProperties properties,
            Clock clock,
            ApplicationEventPublisher events) {
        this.bookingService = bookingService;
        this.bookings = bookings;
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Starts (or, with the same idempotency key at Stripe, finds again) the card payment of the traveller's pending
     * booking. Outside any transaction: it calls Stripe. Should Stripe be unavailable, the booking falls back to
     * payment on arrival and waits for an admin instead; while another request is starting the same payment, it
     * stays a card payment and the answer is empty.
     *
     * @return the payment to complete in the app, or empty when there is nothing to pay by card
     */
    public Optional<PaymentIntent> startPayment(UUID userId, UUID bookingId) {
        return startPayment(bookingService.bookingOf(userId, bookingId));
    }

    /** As {@link #startPayment(UUID, UUID)}, for a booking just read. */
    public Optional<PaymentIntent> startPayment(Booking booking) {
        Instant now = clock.instant();
        if (booking.status() != BookingStatus.PENDING
                || booking.paymentMethod() != PaymentMethod.CARD
                || !Objects.requireNonNull(booking.holdExpiresAt()).isAfter(now)) {
            return Optional.empty(); // nothing to pay by card, or a hold that ran out and is about to be cancelled
        }
        Optional<PaymentIntent> intent;
        try {
            intent = payments.startPayment(
                    booking.id().toString(), booking.totalPrice(), booking.currency(), "booking-" + booking.id());
        } catch (PaymentInProgress inProgress) {
            // Another request of this booking is starting its payment: that one answers with it, and this booking
            // stays a card payment (POST /v1/bookings/{id}/payment then finds it).
            log.info("{}", inProgress.getMessage());
            return Optional.empty();
        }
        intent.ifPresentOrElse(
                started -> bookings.setPaymentReference(booking.id(), started.id()),
                () -> bookings.payOnArrival(
                        booking.id(), now, booking.createdAt().plus(properties.manualHold())));
        return intent;
    }

    /**
     * The payment provider confirmed a payment for the booking: a pending booking is confirmed. Money that cannot pay
     * for it goes straight back: for a booking that is no longer live (its hold ran out), that was paid already, or
     * short of its total or in another currency (which leaves it pending, to be paid in full or to expire).
     */
    @Transactional
    public void paid(UUID bookingId, String paymentId, BigDecimal amount, String currency) {
        Booking booking = bookings.lock(bookingId).orElse(null);
        if (booking == null) {
            log.warn("Payment {} names booking {}, which does not exist; refunding it", paymentId, bookingId);
            payments.refund(paymentId, amount, currency, "refund-unknown-" + paymentId);
            return;
        }
        if (paymentId.equals(booking.paymentReference()) && booking.amountPaid().signum() > 0) {
            // The same payment reported again: what it did is done, and a cancellation since refunded what it owed.
            return;
        }
        String refused = whyItCannotPay(booking, amount, currency);
        if (refused != null) {
            log.warn(
                    "Payment {} of {} {} arrived for booking {} ({}); refunding it",
                    paymentId,
                    amount,
                    currency,
                    booking.confirmationCode(),
                    refused);
            payments.refund(paymentId, amount, currency, "refund-late-" + paymentId);
            return;
        }
        bookings.recordPayment(bookingId, paymentId, amount);
        if (booking.status() == BookingStatus.PENDING) {
            Booking confirmed = bookings.confirm(bookingId, clock.instant());
            events.publishEvent(new BookingConfirmed(confirmed.summary()));
        }
    }

    /** Why a payment cannot pay for the booking, or {@code null} when it can. */
    private static @Nullable String whyItCannotPay(Booking booking, BigDecimal amount, String currency) {
        if (booking.amountPaid().signum() > 0) {
            return "paid already";
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            return "cancelled";
        }
        if (!currency.equalsIgnoreCase(booking.currency()) || amount.compareTo(booking.totalPrice()) < 0) {
            return "short of " + booking.totalPrice() + " " + booking.currency();
        }
        return null;
    }
}
