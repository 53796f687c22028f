package com.phuketapp.booking.domain;

import com.phuketapp.booking.persistence.AvailabilityRepository;
import com.phuketapp.booking.persistence.AvailabilityRepository.Departure;
import com.phuketapp.booking.persistence.BookingRepository;
import com.phuketapp.catalog.BookableItem;
import com.phuketapp.catalog.ItemKind;
import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.ErrorCode;
import com.phuketapp.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What is free when, and the admin's blocked dates and seasonal rates. */
@Service
public class AvailabilityService {

    private final BookingService bookingService;
    private final BookingRepository bookings;
    private final AvailabilityRepository availability;
    private final Clock clock;

    AvailabilityService(
            BookingService bookingService,
            BookingRepository bookings,
            AvailabilityRepository availability,
            Clock clock) {
        this.bookingService = bookingService;
        this.bookings = bookings;
        this.availability = availability;
        this.clock = clock;
    }

    /**
     * One day of an item's calendar.
     *
     * @param state {@code free}, {@code booked}, {@code blocked}, {@code full} (a tour with no seats left),
     *              {@code closed} (a tour's day off, or a day already past)
     * @param left  seats left on a tour's date
     */
    public record Day(LocalDate date, String state, @Nullable Integer capacity, @Nullable Integer left) {}

    /** The item's days {@code from}..{@code to}, both included. */
    public List<Day> calendar(ItemKind kind, UUID itemId, LocalDate from, LocalDate to) {
        BookableItem item = bookingService.bookableItem(kind, itemId);
        LocalDate today = bookingService.today();
        List<Block> blocks = availability.blocks(itemId, from, to.plusDays(1));
        // A pending booking whose hold ran out is free already, even before the sweeper gets to it.
        List<Booking> live = bookings.liveOf(itemId, from, to).stream()
                .filter(booking -> booking.holdExpiresAt() == null
                        || booking.holdExpiresAt().isAfter(clock.instant()))
                .toList();
        Map<LocalDate, Departure> departures = kind == ItemKind.TOUR
                ? availability.departures(itemId, from, to).stream()
                        .collect(Collectors.toMap(Departure::date, Function.identity()))
                : Map.of();
        return from.datesUntil(to.plusDays(1))
                .map(date -> {
                    boolean blocked = blocks.stream().anyMatch(block -> block.covers(date));
                    if (date.isBefore(today) || !item.runDays().contains(date.getDayOfWeek())) {
                        return new Day(date, "closed", null, null);
                    }
                    if (blocked) {
                        return new Day(date, "blocked", null, null);
                    }
                    if (kind == ItemKind.TOUR) {
                        Departure departure = departures.get(date);
                        int left = item.capacity() - (departure == null ? 0 : departure.booked());
                        return new Day(date, left > 0 ? "free" : "full", item.capacity(), Math.max(0, left));
                    }
                    boolean booked = live.stream()
                            .anyMatch(booking -> booking.stay().dates().anyMatch(date::equals));
                    return new Day(date, booked ? "booked" : "free", null, null);
                })
                .toList();
    }

    /**
     * Takes the dates {@code [from, until)} off sale. Refused while a live booking holds any of them: cancel it first.
     */
    @Transactional
    public Block block(ItemKind kind, UUID itemId, LocalDate from, LocalDate until, String reason) {
        bookingService.bookableItem(kind, itemId);
        availability.lockItem(itemId);
        if (!bookings.liveOf(itemId, from, until.minusDays(1)).isEmpty()) {
            throw new ApiException(ErrorCode.CONFLICT, "error.booking.block.overlapsBookings", List.of());
        }
        return availability.block(kind, itemId, from, until, reason);
    }

    public List<Block> blocks(ItemKind kind, UUID itemId) {
        bookingService.bookableItem(kind, itemId);
        return availability.blocks(itemId, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
    }

    public void unblock(UUID blockId) {
        if (!availability.unblock(blockId)) {
            throw new NotFoundException();
        }
    }

    public List<Season> seasons(UUID propertyId) {
        bookingService.bookableItem(ItemKind.PROPERTY, propertyId);
        return availability.seasons(propertyId);
    }

    @Transactional
    public List<Season> replaceSeasons(UUID propertyId, List<Season> seasons) {
        bookingService.bookableItem(ItemKind.PROPERTY, propertyId);
        availability.replaceSeasons(propertyId, seasons);
        return availability.seasons(propertyId);
    }
}
