package com.phuketapp.catalog.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A scooter, motorbike or car for rent by the day. Prices in THB. */
public record Vehicle(
        UUID id,
        VehicleType type,
        String brand,
        String model,
        int year,
        int engineCc,
        int seats,
        String transmission,
        LocalizedText name,
        LocalizedText description,
        String areaCode,
        GeoPoint location,
        BigDecimal dailyPrice,
        BigDecimal deposit,
        List<String> features,
        List<String> photos,
        BigDecimal rating,
        int reviewCount,
        boolean active) {}
