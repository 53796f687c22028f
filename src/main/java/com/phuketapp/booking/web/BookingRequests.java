package com.phuketapp.booking.web;

import com.phuketapp.booking.domain.BookingRequest;
import com.phuketapp.booking.domain.Stay;
import com.phuketapp.catalog.ItemKind;
import com.phuketapp.platform.InvalidInputException;
import com.phuketapp.platform.QueryParameters;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Turns what clients send into the booking module's requests, with a 400 naming every field that is wrong. */
final class BookingRequests {

    private static final java.util.regex.Pattern IDEMPOTENCY_KEY =
            java.util.regex.Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private BookingRequests() {}

    static BookingRequest of(BookingHttp.BookingBody body) {
        ItemKind kind = ItemKind.fromCode(body.itemType()).orElseThrow();
        return new BookingRequest(
                kind, body.itemId(), stay(kind, body.startDate(), body.endDate()), body.guestsCount());
    }

    /**
     * A tour takes its one date ({@code endDate} left out or equal to {@code startDate}); a rental or a stay needs an
     * {@code endDate} after its {@code startDate}.
     */
    static Stay stay(ItemKind kind, LocalDate start, @Nullable LocalDate end) {
        QueryParameters fields = new QueryParameters();
        if (kind == ItemKind.TOUR) {
            if (end != null && !end.equals(start)) {
                fields.reject("endDate", "booking.tourEnd");
            }
        } else if (end == null) {
            fields.reject("endDate", "validation.required");
        } else if (!end.isAfter(start)) {
            fields.reject("endDate", "booking.endAfterStart");
        }
        fields.check();
        return Stay.of(kind, start, end == null ? start : end);
    }

    static @Nullable String idempotencyKey(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(raw).matches()) {
            throw InvalidInputException.of("Idempotency-Key", "booking.idempotencyKey");
        }
        return raw;
    }

    /** {@code vehicles}, {@code properties} or {@code tours} in a path. */
    static ItemKind kindOfPath(String plural) {
        return ItemKind.fromPlural(plural).orElseThrow(com.phuketapp.platform.NotFoundException::new);
    }
}
