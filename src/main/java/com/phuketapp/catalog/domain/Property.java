package com.phuketapp.catalog.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A villa, condo, hotel room or house for rent by the night. Prices in THB. */
public record Property(
        UUID id,
        PropertyType type,
        LocalizedText name,
        LocalizedText description,
        String areaCode,
        GeoPoint location,
        int bedrooms,
        int bathrooms,
        int maxGuests,
        BigDecimal nightlyPrice,
        int minNights,
        int maxNights,
        List<String> features,
        List<String> photos,
        BigDecimal rating,
        int reviewCount,
        boolean active) {}
