package com.phuketapp.booking.domain;

import com.phuketapp.catalog.ItemKind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

/**
 * The dates a booking covers: {@code [start, end)} for vehicles (days) and properties (nights), so a checkout day may
 * be the next check-in day; a tour's one date has {@code end == start}.
 */
public record Stay(LocalDate start, LocalDate end) {

    public Stay {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(start + " after " + end);
        }
    }

    /**
     * Days of a rental or nights of a stay; 0 for a tour. An end millions of years ahead counts as
     * {@link Integer#MAX_VALUE} days, never as a few: the length checks must see it too long.
     */
    public int length() {
        return (int) Math.min(Integer.MAX_VALUE, ChronoUnit.DAYS.between(start, end));
    }

    /** Every date the item is taken: the days or nights of the stay, or the tour's date. */
    public Stream<LocalDate> dates() {
        return start.datesUntil(takenUntil());
    }

    /** The day after the last date the item is taken: {@code end}, or the day after a tour's date. */
    public LocalDate takenUntil() {
        return start.equals(end) ? end.plusDays(1) : end;
    }

    public static Stay of(ItemKind kind, LocalDate start, LocalDate end) {
        return kind == ItemKind.TOUR ? new Stay(start, start) : new Stay(start, end);
    }
}
