package com.phuketapp.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a traveller may narrow each list by. A null field does not filter. */
public final class Filters {

    private Filters() {}

    public record PriceRange(@Nullable BigDecimal min, @Nullable BigDecimal max) {}

    public record VehicleFilter(@Nullable VehicleType type, @Nullable String area, PriceRange price, SortOrder sort) {}

    public record PropertyFilter(
            @Nullable PropertyType type,
            @Nullable String area,
            @Nullable Integer guests,
            PriceRange price,
            SortOrder sort) {}

    public record TourFilter(
            @Nullable TourCategory category,
            @Nullable String area,
            @Nullable LocalDate date,
            PriceRange price,
            SortOrder sort) {}
}
