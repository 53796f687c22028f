package com.phuketapp.booking.web;

import com.phuketapp.booking.domain.Booking;
import com.phuketapp.booking.domain.BookingFilter;
import com.phuketapp.booking.domain.BookingPayments;
import com.phuketapp.booking.domain.BookingService;
import com.phuketapp.booking.domain.BookingStatus;
import com.phuketapp.booking.domain.PaymentMethod;
import com.phuketapp.booking.web.BookingHttp.BookingBody;
import com.phuketapp.booking.web.BookingHttp.BookingView;
import com.phuketapp.payment.PaymentIntent;
import com.phuketapp.platform.AuthenticatedUser;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import com.phuketapp.platform.QueryParameters;
import com.phuketapp.platform.RateLimited;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A traveller's own bookings (contract → Bookings). */
@RestController
@RequestMapping("/v1/bookings")
@RateLimited(RateLimited.Category.USER)
class BookingController {

    private final BookingService bookings;
    private final BookingPayments payments;

    BookingController(BookingService bookings, BookingPayments payments) {
        this.bookings = bookings;
        this.payments = payments;
    }

    /**
     * Books an item, pending payment. With an {@code Idempotency-Key} (kept 24 h), a retry of the same request gets
     * the first answer (marked {@code Idempotent-Replayed: true}) and never a second booking.
     */
    @PostMapping
    ResponseEntity<BookingView> create(
            @AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody BookingBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            Locale locale) {
        BookingService.Created created =
                bookings.create(caller.id(), BookingRequests.of(body), BookingRequests.idempotencyKey(idempotencyKey));
        Booking booking = created.booking();
        Optional<PaymentIntent> payment = payments.startPayment(booking);
        if (booking.paymentMethod() == PaymentMethod.CARD && payment.isEmpty()) {
            booking = bookings.bookingOf(caller.id(), booking.id()); // fell back to payment on arrival
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(created.replayed()))
                .body(BookingView.of(booking, locale, payment.orElse(null)));
    }

    /**
     * The card payment of a pending booking, to complete in the app: the same payment every time it is asked for.
     * Without one (paid on arrival, or no longer pending) the booking comes back without {@code payment}.
     */
    @PostMapping("/{id}/payment")
    BookingView pay(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id, Locale locale) {
        Optional<PaymentIntent> payment = payments.startPayment(caller.id(), id);
        return BookingView.of(bookings.bookingOf(caller.id(), id), locale, payment.orElse(null));
    }

    /** Newest first; {@code status} filters. */
    @GetMapping
    PageResult<BookingView> list(
            @AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false) @Nullable String status,
            PageQuery page,
            Locale locale) {
        BookingStatus wanted = status(status);
        return bookings.list(BookingFilter.ofUser(caller.id(), wanted), page)
                .map(booking -> BookingView.of(booking, locale));
    }

    @GetMapping("/{id}")
    BookingView get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id, Locale locale) {
        return BookingView.of(bookings.bookingOf(caller.id(), id), locale);
    }

    @PostMapping("/{id}/cancel")
    BookingView cancel(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id, Locale locale) {
        return BookingView.of(bookings.cancelByTraveller(caller.id(), id), locale);
    }

    static @Nullable BookingStatus status(@Nullable String raw) {
        QueryParameters parameters = new QueryParameters();
        BookingStatus status =
                parameters.oneOf("status", raw, Arrays.asList(BookingStatus.values()), BookingStatus::code);
        parameters.check();
        return status;
    }
}
