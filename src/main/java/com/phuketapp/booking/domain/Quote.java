package com.phuketapp.booking.domain;

import com.phuketapp.catalog.BookableItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a booking costs, in exact THB, and how the total is made up.
 *
 * @param unit     {@code day} (vehicles), {@code night} (properties) or {@code person} (tours)
 * @param quantity days, nights or guests
 */
public record Quote(BigDecimal total, String currency, String unit, int quantity, List<Line> lines) {

    public static final String THB = "THB";

    public Quote {
        lines = List.copyOf(lines);
    }

    /** Consecutive units at one price: nights {@code [from, until)} of one season, or all days, or all guests. */
    public record Line(
            LocalDate from,
            LocalDate until,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal amount,
            @Nullable String season) {}

    /**
     * Days × daily rate, nights × the nightly rate of each night's season (the higher one where seasons overlap, the
     * property's own price outside them), or guests × price per person.
     */
    public static Quote of(BookableItem item, Stay stay, int guests, List<Season> seasons) {
        return switch (item.kind()) {
            case VEHICLE -> flat(item, stay, "day", stay.length());
            case TOUR -> flat(item, stay, "person", guests);
            case PROPERTY -> nights(item, stay, seasons);
        };
    }

    private static Quote flat(BookableItem item, Stay stay, String unit, int quantity) {
        BigDecimal amount = money(item.unitPrice().multiply(BigDecimal.valueOf(quantity)));
        Line line = new Line(stay.start(), stay.end(), quantity, money(item.unitPrice()), amount, null);
        return new Quote(amount, THB, unit, quantity, List.of(line));
    }

    private static Quote nights(BookableItem item, Stay stay, List<Season> seasons) {
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        LocalDate from = stay.start();
        while (from.isBefore(stay.end())) {
            Season season = seasonOf(from, seasons);
            LocalDate until = from.plusDays(1);
            while (until.isBefore(stay.end()) && seasonOf(until, seasons) == season) {
                until = until.plusDays(1);
            }
            int nights = new Stay(from, until).length();
            BigDecimal rate = money(season == null ? item.unitPrice() : season.nightlyPrice());
            BigDecimal amount = money(rate.multiply(BigDecimal.valueOf(nights)));
            lines.add(new Line(from, until, nights, rate, amount, season == null ? null : season.name()));
            total = total.add(amount);
            from = until;
        }
        return new Quote(money(total), THB, "night", stay.length(), lines);
    }

    private static @Nullable Season seasonOf(LocalDate night, List<Season> seasons) {
        return seasons.stream()
                .filter(season -> season.covers(night))
                .max(Comparator.comparing(Season::nightlyPrice))
                .orElse(null);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
