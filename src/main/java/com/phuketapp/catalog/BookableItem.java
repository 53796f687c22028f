package com.phuketapp.catalog;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What booking needs to know of a catalog item: whether it is on sale and on what terms.
 *
 * @param unitPrice  THB per day (vehicle), per night (property) or per person (tour)
 * @param maxGuests  seats of a vehicle, guests a property sleeps, places left at most on one tour date
 * @param minDays    the fewest days or nights one booking may last (properties set their own; otherwise 1)
 * @param maxDays    the most days or nights one booking may last (properties set their own; otherwise unbounded)
 * @param runDays    the days of the week a tour runs on; every day for the other kinds
 * @param capacity   a tour's places per date; 1 for an exclusive item
 * @param startsAt   a tour's departure time (Phuket time); {@code null} for the other kinds
 */
public record BookableItem(
        ItemKind kind,
        UUID id,
        String nameEn,
        String nameRu,
        boolean active,
        BigDecimal unitPrice,
        int maxGuests,
        int minDays,
        int maxDays,
        Set<DayOfWeek> runDays,
        int capacity,
        @Nullable LocalTime startsAt) {

    public BookableItem {
        runDays = Set.copyOf(runDays);
    }

    /** The name in the given language ({@code ru} or anything else for English). */
    public String name(String language) {
        return "ru".equals(language) ? nameRu : nameEn;
    }
}
