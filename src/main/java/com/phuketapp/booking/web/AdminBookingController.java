package com.phuketapp.booking.web;

import com.phuketapp.booking.domain.AvailabilityService;
import com.phuketapp.booking.domain.BookingFilter;
import com.phuketapp.booking.domain.BookingService;
import com.phuketapp.booking.web.BookingHttp.BlockBody;
import com.phuketapp.booking.web.BookingHttp.BlockView;
import com.phuketapp.booking.web.BookingHttp.BookingView;
import com.phuketapp.booking.web.BookingHttp.SeasonView;
import com.phuketapp.booking.web.BookingHttp.SeasonsBody;
import com.phuketapp.catalog.ItemKind;
import com.phuketapp.platform.InvalidInputException;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import com.phuketapp.platform.QueryParameters;
import com.phuketapp.platform.RateLimited;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins: every booking, its lifecycle by hand (the manual-payment fallback), blocked dates and seasonal rates. */
@RestController
@RequestMapping("/v1/admin")
@RateLimited(RateLimited.Category.ADMIN)
class AdminBookingController {

    private final BookingService bookings;
    private final AvailabilityService availability;

    AdminBookingController(BookingService bookings, AvailabilityService availability) {
        this.bookings = bookings;
        this.availability = availability;
    }

    /** Newest first, filtered by any of {@code status}, {@code itemType}, {@code itemId}, {@code userId}, dates. */
    @GetMapping("/bookings")
    PageResult<BookingView> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String itemType,
            @RequestParam(required = false) @Nullable UUID itemId,
            @RequestParam(required = false) @Nullable UUID userId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            PageQuery page,
            Locale locale) {
        QueryParameters parameters = new QueryParameters();
        ItemKind kind = parameters.oneOf("itemType", itemType, List.of(ItemKind.values()), ItemKind::code);
        LocalDate first = parameters.date("from", from);
        LocalDate last = parameters.date("to", to);
        parameters.check();
        var filter = new BookingFilter(userId, BookingController.status(status), kind, itemId, first, last);
        return bookings.list(filter, page).map(booking -> BookingView.of(booking, locale));
    }

    @GetMapping("/bookings/{id}")
    BookingView get(@PathVariable UUID id, Locale locale) {
        return BookingView.of(bookings.booking(id), locale);
    }

    /** Accepts a pending booking: how bookings paid on arrival are confirmed. */
    @PostMapping("/bookings/{id}/confirm")
    BookingView confirm(@PathVariable UUID id, Locale locale) {
        return BookingView.of(bookings.confirm(id), locale);
    }

    /** Cancels without a fee. */
    @PostMapping("/bookings/{id}/cancel")
    BookingView cancel(@PathVariable UUID id, Locale locale) {
        return BookingView.of(bookings.cancelByAdmin(id), locale);
    }

    @PostMapping("/bookings/{id}/complete")
    BookingView complete(@PathVariable UUID id, Locale locale) {
        return BookingView.of(bookings.complete(id), locale);
    }

    @GetMapping("/{kind:vehicles|properties|tours}/{id}/blocks")
    List<BlockView> blocks(@PathVariable String kind, @PathVariable UUID id) {
        return availability.blocks(BookingRequests.kindOfPath(kind), id).stream()
                .map(BlockView::of)
                .toList();
    }

    /** Takes {@code [startDate, endDate)} off sale; refused (409) while live bookings hold any of those dates. */
    @PostMapping("/{kind:vehicles|properties|tours}/{id}/blocks")
    @ResponseStatus(HttpStatus.CREATED)
    BlockView block(@PathVariable String kind, @PathVariable UUID id, @Valid @RequestBody BlockBody body) {
        if (!body.endDate().isAfter(body.startDate())) {
            throw InvalidInputException.of("endDate", "booking.endAfterStart");
        }
        return BlockView.of(availability.block(
                BookingRequests.kindOfPath(kind),
                id,
                body.startDate(),
                body.endDate(),
                body.reason().strip()));
    }

    @DeleteMapping("/blocks/{blockId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(@PathVariable UUID blockId) {
        availability.unblock(blockId);
    }

    @GetMapping("/properties/{id}/seasons")
    List<SeasonView> seasons(@PathVariable UUID id) {
        return availability.seasons(id).stream().map(SeasonView::of).toList();
    }

    /** Replaces the property's seasonal rates; where two seasons overlap, the higher rate applies. */
    @PutMapping("/properties/{id}/seasons")
    List<SeasonView> replaceSeasons(@PathVariable UUID id, @Valid @RequestBody SeasonsBody body) {
        QueryParameters fields = new QueryParameters();
        for (int i = 0; i < body.seasons().size(); i++) {
            if (!body.seasons().get(i).endDate().isAfter(body.seasons().get(i).startDate())) {
                fields.reject("seasons[" + i + "].endDate", "booking.endAfterStart");
            }
        }
        fields.check();
        return availability
                .replaceSeasons(
                        id,
                        body.seasons().stream()
                                .map(BookingHttp.SeasonBody::season)
                                .toList())
                .stream()
                .map(SeasonView::of)
                .toList();
    }
}
