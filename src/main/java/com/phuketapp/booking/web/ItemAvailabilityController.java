package com.phuketapp.booking.web;

import com.phuketapp.booking.domain.AvailabilityService;
import com.phuketapp.booking.domain.BookingService;
import com.phuketapp.booking.web.BookingHttp.QuoteView;
import com.phuketapp.catalog.ItemKind;
import com.phuketapp.platform.QueryParameters;
import com.phuketapp.platform.RateLimited;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public: what is free when, and what a stay would cost, for any catalog item. */
@RestController
@RequestMapping("/v1/{kind:vehicles|properties|tours}/{id}")
@RateLimited(RateLimited.Category.CATALOG_DETAIL)
class ItemAvailabilityController {

    /** The longest calendar one request may ask for. */
    static final int MAX_CALENDAR_DAYS = 92;

    private final AvailabilityService availability;
    private final BookingService bookings;

    ItemAvailabilityController(AvailabilityService availability, BookingService bookings) {
        this.availability = availability;
        this.bookings = bookings;
    }

    /** Each day {@code from}..{@code to} (both included; default: today and the 30 days after), at most 92 days. */
    @GetMapping("/availability")
    List<AvailabilityService.Day> availability(
            @PathVariable String kind,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        QueryParameters parameters = new QueryParameters();
        LocalDate first = parameters.date("from", from);
        LocalDate last = parameters.date("to", to);
        parameters.check();
        first = first == null ? bookings.today() : first;
        last = last == null ? first.plusDays(30) : last;
        if (last.isBefore(first)) {
            parameters.reject("to", "validation.notBefore", first);
        } else if (first.plusDays(MAX_CALENDAR_DAYS - 1).isBefore(last)) {
            parameters.reject("to", "booking.tooManyDays", MAX_CALENDAR_DAYS);
        }
        parameters.check();
        return availability.calendar(BookingRequests.kindOfPath(kind), id, first, last);
    }

    /** The price of a stay without booking it: {@code startDate}, {@code endDate} (not for tours), {@code guests}. */
    @GetMapping("/quote")
    QuoteView quote(
            @PathVariable String kind,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String startDate,
            @RequestParam(required = false) @Nullable String endDate,
            @RequestParam(required = false) @Nullable String guests) {
        ItemKind itemKind = BookingRequests.kindOfPath(kind);
        QueryParameters parameters = new QueryParameters();
        LocalDate start = parameters.date("startDate", startDate);
        LocalDate end = parameters.date("endDate", endDate);
        int guestCount = parameters.integer("guests", guests, 1, 500, 1);
        if (start == null) {
            parameters.reject("startDate", "validation.required");
        }
        parameters.check();
        return QuoteView.of(bookings.quote(itemKind, id, BookingRequests.stay(itemKind, start, end), guestCount));
    }
}
