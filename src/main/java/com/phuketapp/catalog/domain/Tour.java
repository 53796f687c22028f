package com.phuketapp.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A tour priced per person, running on some days of the week with a capacity per date.
 *
 * @param runDays ISO days of the week it runs on, 1 = Monday … 7 = Sunday
 */
public record Tour(
        UUID id,
        TourCategory category,
        LocalizedText name,
        LocalizedText description,
        String areaCode,
        GeoPoint location,
        BigDecimal durationHours,
        LocalTime startTime,
        List<Integer> runDays,
        int capacity,
        BigDecimal pricePerPerson,
        List<String> features,
        List<String> photos,
        BigDecimal rating,
        int reviewCount,
        boolean active) {}
