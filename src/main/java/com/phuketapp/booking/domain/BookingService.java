package com.phuketapp.booking.domain;

import com.phuketapp.booking.BookingCancelled;
import com.phuketapp.booking.BookingConfirmed;
import com.phuketapp.booking.BookingCreated;
import com.phuketapp.booking.config.BookingProperties;
import com.phuketapp.booking.persistence.AvailabilityRepository;
import com.phuketapp.booking.persistence.BookingRepository;
import com.phuketapp.booking.persistence.IdempotencyRepository;
import com.phuketapp.catalog.BookableItem;
import com.phuketapp.catalog.CatalogApi;
import com.phuketapp.catalog.ItemKind;
import com.phuketapp.payment.PaymentApi;
import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.ErrorCode;
import com.phuketapp.platform.ErrorDetail;
import com.phuketapp.platform.InvalidInputException;
import com.phuketapp.platform.NotFoundException;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books, confirms, cancels and completes. Every change runs in one transaction with the event it publishes, so a
 * listener that writes (the notification queue) commits or rolls back with it.
 */
@Service
public class BookingService {

    /** Inserts tried before giving up: a code clash, or overdue holds in the way, cost one each. */
    private static final int MAX_INSERT_ATTEMPTS = 5;

    private final BookingRepository bookings;
    private final AvailabilityRepository availability;
    private final IdempotencyRepository idempotency;
    private final CatalogApi catalog;
    private final BookingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PaymentApi payments;

    BookingService(
            BookingRepository bookings,
            AvailabilityRepository availability,
            IdempotencyRepository idempotency,
            CatalogApi catalog,
            BookingProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            PaymentApi payments) {
        this.bookings = bookings;
        this.availability = availability;
        this.idempotency = idempotency;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.payments = payments;
    }

    /** @param replayed whether this answers an earlier request with the same {@code Idempotency-Key} */
    public record Created(Booking booking, boolean replayed) {}

    /**
     * Books the item, pending payment, or answers the first request made with the same key. Two requests with one key
     * never make two bookings: the second waits for the first's transaction and then finds its booking.
     */
    @Transactional
    public Created create(UUID userId, BookingRequest request, @Nullable String idempotencyKey) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            IdempotencyRepository.Claim claim = idempotency.claim(
                    userId, idempotencyKey, request.hash(), id, now, now.minus(properties.idempotencyKeyTtl()));
            if (!claim.ours()) {
                if (!claim.requestHash().equals(request.hash())) {
                    throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
                }
                return new Created(bookings.find(claim.bookingId()).orElseThrow(), true);
            }
        }
        BookableItem item = bookableItem(request.kind(), request.itemId());
        checkDates(request.kind(), request.stay());
        checkRules(item, request.stay(), request.guests(), now);
        Quote quote = quote(item, request.stay(), request.guests());

        // One booking of an item at a time: concurrent inserts that the exclusion constraint must judge against each
        // other would wait on each other (and deadlock under heavy contention); the lock also keeps blocks consistent.
        if (!availability.tryLockItem(item.id())) {
            // Someone else is booking the item right now. Dates a live booking already holds are refused without
            // queueing for the lock: when many travellers want one villa's dates, most are answered side by side.
            if (item.kind() != ItemKind.TOUR && availability.taken(item.id(), request.stay(), now)) {
                throw notAvailable("error.booking.taken");
            }
            availability.lockItem(item.id());
        }
        if (item.kind() == ItemKind.TOUR && !takeSeats(item, request, now)) {
            throw notAvailable("error.booking.full");
        }
        // The manual fallback of system design §10.1 while card payments are not available.
        PaymentMethod payment = payments.available() ? PaymentMethod.CARD : PaymentMethod.ON_ARRIVAL;
        Instant holdExpiresAt = now.plus(payment == PaymentMethod.CARD ? properties.hold() : properties.manualHold());
        for (int attempt = 1; ; attempt++) {
            Booking booking = new Booking(
                    id,
                    ConfirmationCodes.next(),
                    userId,
                    item.kind(),
                    item.id(),
                    item.nameEn(),
                    item.nameRu(),
                    request.stay(),
                    request.guests(),
                    BookingStatus.PENDING,
                    quote.total(),
                    quote.currency(),
                    payment,
                    null,
                    BigDecimal.ZERO.setScale(2),
                    holdExpiresAt,
                    null,
                    null,
                    null,
                    now,
                    null,
                    null,
                    null);
            switch (bookings.insert(booking)) {
                case INSERTED -> {
                    events.publishEvent(new BookingCreated(booking.summary(), holdExpiresAt));
                    return new Created(booking, false);
                }
                case BLOCKED -> throw notAvailable("error.booking.blocked");
                case OVERDUE_HOLD -> {
                    // Unpaid holds that ran out count for the constraint until they are expired: expire them and try
                    // again (unless the sweeper of another instance has them right now).
                    if (!releaseOverdueHolds(item.id(), now)) {
                        throw notAvailable("error.booking.taken");
                    }
                }
                case DATES_TAKEN -> throw notAvailable("error.booking.taken");
                case CODE_TAKEN -> {
                    // 30^10 codes: a clash is rare; draw again. Clash after clash means something else refuses the
                    // row (the insert cannot say what when it was not the dates): fail rather than spin.
                    if (attempt >= MAX_INSERT_ATTEMPTS) {
                        throw new IllegalStateException("Booking " + id + " refused " + attempt + " times");
                    }
                }
            }
        }
    }

    /** What the stay costs, without booking it. */
    public Quote quote(ItemKind kind, UUID itemId, Stay stay, int guests) {
        BookableItem item = bookableItem(kind, itemId);
        checkDates(kind, stay);
        checkRules(item, stay, guests, clock.instant());
        return quote(item, stay, guests);
    }

    public Booking booking(UUID id) {
        return bookings.find(id).orElseThrow(BookingService::notFound);
    }

    /** The caller's own booking; another's is as unknown as one that does not exist. */
    public Booking bookingOf(UUID userId, UUID id) {
        return bookings.find(id)
                .filter(booking -> booking.userId().equals(userId))
                .orElseThrow(BookingService::notFound);
    }

    public PageResult<Booking> list(BookingFilter filter, PageQuery page) {
        return bookings.list(filter, page);
    }

    /**
     * The traveller cancels their own booking: free while pending or within the policy's free window, otherwise the
     * policy's fee is kept. A confirmed one not once it has started.
     */
    @Transactional
    public Booking cancelByTraveller(UUID userId, UUID id) {
        Booking booking =
                bookings.lock(id).filter(own -> own.userId().equals(userId)).orElseThrow(BookingService::notFound);
        if (!booking.status().canBecome(BookingStatus.CANCELLED)) {
            throw new ApiException(ErrorCode.BOOKING_NOT_CANCELLABLE);
        }
        // An unpaid booking may go even on its first day: it would otherwise hold the item until its hold runs out.
        if (booking.status() != BookingStatus.PENDING
                && !today().isBefore(booking.stay().start())) {
            throw new ApiException(ErrorCode.BOOKING_NOT_CANCELLABLE, "error.booking.started", List.of());
        }
        Instant now = clock.instant();
        BigDecimal fee = booking.status() == BookingStatus.PENDING
                ? BigDecimal.ZERO.setScale(2)
                : properties.cancellation(booking.itemKind()).fee(booking.totalPrice(), startOf(booking.stay()), now);
        return cancel(booking, "traveller", fee, now);
    }

    /** An admin cancels: the operator's decision, so no fee is kept. */
    @Transactional
    public Booking cancelByAdmin(UUID id) {
        Booking booking = bookings.lock(id).orElseThrow(BookingService::notFound);
        requireTransition(booking, BookingStatus.CANCELLED);
        return cancel(booking, "admin", BigDecimal.ZERO.setScale(2), clock.instant());
    }

    /** Payment arrived, or an admin accepts a booking paid on arrival. */
    @Transactional
    public Booking confirm(UUID id) {
        Booking booking = bookings.lock(id).orElseThrow(BookingService::notFound);
        requireTransition(booking, BookingStatus.CONFIRMED);
        Booking confirmed = bookings.confirm(id, clock.instant());
        events.publishEvent(new BookingConfirmed(confirmed.summary()));
        return confirmed;
    }

    /**
     * An admin marks a booking done, from its last day on (a tour's date, a stay's checkout day): a completed booking
     * no longer holds its dates, so completing one early would let someone else book them.
     */
    @Transactional
    public Booking complete(UUID id) {
        Booking booking = bookings.lock(id).orElseThrow(BookingService::notFound);
        requireTransition(booking, BookingStatus.COMPLETED);
        if (today().isBefore(booking.stay().end())) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "error.booking.notFinished", List.of());
        }
        return bookings.complete(id, clock.instant());
    }

    /** Today in Phuket. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    BookableItem bookableItem(ItemKind kind, UUID itemId) {
        BookableItem item = catalog.bookableItem(kind, itemId)
                .orElseThrow(() -> new NotFoundException("error.catalog.itemNotFound"));
        if (!item.active()) {
            throw notAvailable("error.booking.itemInactive");
        }
        return item;
    }

    private Quote quote(BookableItem item, Stay stay, int guests) {
        List<Season> seasons = item.kind() == ItemKind.PROPERTY
                ? availability.seasons(item.id(), stay.start(), stay.end())
                : List.of();
        return Quote.of(item, stay, guests, seasons);
    }

    /** Dates any booking must keep to (400): not in the past, not too far ahead, not too long. */
    private void checkDates(ItemKind kind, Stay stay) {
        List<ErrorDetail> errors = new ArrayList<>();
        LocalDate today = today();
        if (stay.start().isBefore(today)) {
            errors.add(ErrorDetail.of("startDate", "booking.notInPast"));
        } else if (stay.start().isAfter(today.plusDays(properties.maxDaysAhead()))) {
            errors.add(ErrorDetail.of("startDate", "booking.tooFarAhead", properties.maxDaysAhead()));
        }
        if (kind != ItemKind.TOUR && stay.length() < 1) {
            errors.add(ErrorDetail.of("endDate", "booking.endAfterStart"));
        } else if (stay.length() > properties.maxDays()) {
            errors.add(ErrorDetail.of("endDate", "booking.tooManyDays", properties.maxDays()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The item's own rules (422): guests it takes, a property's minimum and maximum nights, a tour's schedule. */
    private void checkRules(BookableItem item, Stay stay, int guests, Instant now) {
        List<ErrorDetail> errors = new ArrayList<>();
        if (guests > item.maxGuests()) {
            errors.add(ErrorDetail.of("guestsCount", "booking.guestsOverCapacity", item.maxGuests()));
        }
        if (item.kind() == ItemKind.PROPERTY && stay.length() < item.minDays()) {
            errors.add(ErrorDetail.of("endDate", "booking.tooFewNights", item.minDays()));
        }
        if (item.kind() == ItemKind.PROPERTY && stay.length() > item.maxDays()) {
            errors.add(ErrorDetail.of("endDate", "booking.tooManyNights", item.maxDays()));
        }
        if (!item.runDays().contains(stay.start().getDayOfWeek())) {
            errors.add(ErrorDetail.of("startDate", "booking.tourNotRunning"));
        } else if (item.startsAt() != null
                && !now.isBefore(stay.start()
                        .atTime(item.startsAt())
                        .atZone(properties.zone())
                        .toInstant())) {
            errors.add(ErrorDetail.of("startDate", "booking.tourDeparted"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    ErrorCode.BOOKING_RULE_VIOLATED, ErrorCode.BOOKING_RULE_VIOLATED.messageKey(), errors);
        }
    }

    private Booking cancel(Booking booking, String reason, BigDecimal fee, Instant now) {
        // Only money actually taken goes back, to the card it came from; a booking paid on arrival was never charged.
        BigDecimal refund =
                booking.amountPaid().min(booking.totalPrice().subtract(fee)).max(BigDecimal.ZERO);
        Booking cancelled = bookings.cancel(booking.id(), reason, fee, refund, now);
        if (refund.signum() > 0 && booking.paymentReference() != null) {
            payments.refund(booking.paymentReference(), refund, booking.currency(), "refund-" + booking.id());
        }
        released(cancelled);
        return cancelled;
    }

    /** Seats of the tour's date, after expiring holds that ran out if those are what fills it. */
    private boolean takeSeats(BookableItem tour, BookingRequest request, Instant now) {
        LocalDate date = request.stay().start();
        return availability.takeSeats(tour.id(), date, tour.capacity(), request.guests())
                || (releaseOverdueHolds(tour.id(), now)
                        && availability.takeSeats(tour.id(), date, tour.capacity(), request.guests()));
    }

    /** Expires the item's pending bookings whose hold ran out (the sweeper's work, done early); whether any were. */
    private boolean releaseOverdueHolds(UUID itemId, Instant now) {
        List<Booking> expired = bookings.expireOverdue(itemId, now, BookingSweeper.BATCH);
        released(expired);
        return !expired.isEmpty();
    }

    /**
     * Bookings that just stopped holding their dates, released tour by tour and date by date: everyone giving seats
     * back locks the departures' rows in one order, so two sweeps at once never deadlock on them.
     */
    void released(List<Booking> cancelled) {
        cancelled.stream()
                .sorted(Comparator.comparing(Booking::itemId)
                        .thenComparing(booking -> booking.stay().start()))
                .forEach(this::released);
    }

    /** A booking just stopped holding its dates: give a tour's seats back and tell everyone. */
    private void released(Booking cancelled) {
        if (cancelled.itemKind() == ItemKind.TOUR) {
            availability.releaseSeats(cancelled.itemId(), cancelled.stay().start(), cancelled.guests());
        }
        events.publishEvent(new BookingCancelled(
                cancelled.summary(),
                java.util.Objects.requireNonNull(cancelled.cancellationReason()),
                java.util.Objects.requireNonNull(cancelled.cancellationFee()),
                java.util.Objects.requireNonNull(cancelled.refundAmount())));
    }

    private Instant startOf(Stay stay) {
        return stay.start().atStartOfDay(properties.zone()).toInstant();
    }

    private static void requireTransition(Booking booking, BookingStatus next) {
        if (!booking.status().canBecome(next)) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION);
        }
    }

    private static ApiException notAvailable(String messageKey) {
        return new ApiException(ErrorCode.ITEM_NOT_AVAILABLE, messageKey, List.of());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("error.booking.notFound");
    }
}
