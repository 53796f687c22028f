package com.phuketapp.catalog.web;

import com.phuketapp.catalog.domain.Area;
import com.phuketapp.catalog.domain.GeoPoint;
import com.phuketapp.catalog.domain.Property;
import com.phuketapp.catalog.domain.SearchHit;
import com.phuketapp.catalog.domain.Tour;
import com.phuketapp.catalog.domain.Vehicle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the catalog endpoints return, in the caller's language. Money is a decimal string with two places in THB
 * ({@code "350.00"}), never a binary float.
 */
final class Views {

    static final String CURRENCY = "THB";

    private Views() {}

    record AreaView(String code, String name, GeoPoint location) {}

    record VehicleView(
            UUID id,
            String type,
            String name,
            String description,
            String brand,
            String model,
            int year,
            int engineCc,
            int seats,
            String transmission,
            AreaView area,
            GeoPoint location,
            String dailyPrice,
            String deposit,
            String currency,
            List<String> features,
            List<String> photos,
            BigDecimal rating,
            int reviewCount) {}

    record PropertyView(
            UUID id,
            String type,
            String name,
            String description,
            AreaView area,
            GeoPoint location,
            int bedrooms,
            int bathrooms,
            int maxGuests,
            String nightlyPrice,
            String currency,
            int minNights,
            int maxNights,
            List<String> features,
            List<String> photos,
            BigDecimal rating,
            int reviewCount) {}

    record TourView(
            UUID id,
            String category,
            String name,
            String description,
            AreaView area,
            GeoPoint location,
            BigDecimal durationHours,
            String startTime,
            List<Integer> runDays,
            int capacity,
            String pricePerPerson,
            String currency,
            List<String> features,
            List<String> photos,
            BigDecimal rating,
            int reviewCount) {}

    /** @param priceUnit what {@code price} is per: {@code day}, {@code night} or {@code person} */
    record SearchHitView(
            String kind,
            UUID id,
            String name,
            AreaView area,
            String price,
            String priceUnit,
            String currency,
            BigDecimal rating,
            @Nullable String photo,
            double score) {}

    /** Turns domain records into views for one language, naming areas from the (cached) area list. */
    record Localizer(Locale locale, Map<String, Area> areas) {

        static Localizer of(Locale locale, List<Area> areas) {
            return new Localizer(locale, areas.stream().collect(Collectors.toMap(Area::code, Function.identity())));
        }

        AreaView area(String code) {
            Area area = areas.get(code);
            return area == null
                    ? new AreaView(code, code, new GeoPoint(BigDecimal.ZERO, BigDecimal.ZERO))
                    : new AreaView(code, area.name().in(locale), area.location());
        }

        VehicleView vehicle(Vehicle v) {
            return new VehicleView(
                    v.id(),
                    v.type().code(),
                    v.name().in(locale),
                    v.description().in(locale),
                    v.brand(),
                    v.model(),
                    v.year(),
                    v.engineCc(),
                    v.seats(),
                    v.transmission(),
                    area(v.areaCode()),
                    v.location(),
                    money(v.dailyPrice()),
                    money(v.deposit()),
                    CURRENCY,
                    v.features(),
                    v.photos(),
                    v.rating(),
                    v.reviewCount());
        }

        PropertyView property(Property p) {
            return new PropertyView(
                    p.id(),
                    p.type().code(),
                    p.name().in(locale),
                    p.description().in(locale),
                    area(p.areaCode()),
                    p.location(),
                    p.bedrooms(),
                    p.bathrooms(),
                    p.maxGuests(),
                    money(p.nightlyPrice()),
                    CURRENCY,
                    p.minNights(),
                    p.maxNights(),
                    p.features(),
                    p.photos(),
                    p.rating(),
                    p.reviewCount());
        }

        TourView tour(Tour t) {
            return new TourView(
                    t.id(),
                    t.category().code(),
                    t.name().in(locale),
                    t.description().in(locale),
                    area(t.areaCode()),
                    t.location(),
                    t.durationHours(),
                    t.startTime().toString(),
                    t.runDays(),
                    t.capacity(),
                    money(t.pricePerPerson()),
                    CURRENCY,
                    t.features(),
                    t.photos(),
                    t.rating(),
                    t.reviewCount());
        }

        SearchHitView hit(SearchHit hit) {
            String unit =
                    switch (hit.kind()) {
                        case VEHICLE -> "day";
                        case PROPERTY -> "night";
                        case TOUR -> "person";
                    };
            return new SearchHitView(
                    hit.kind().code(),
                    hit.id(),
                    hit.name().in(locale),
                    area(hit.areaCode()),
                    money(hit.price()),
                    unit,
                    CURRENCY,
                    hit.rating(),
                    hit.photo(),
                    Math.round(hit.score() * 1000) / 1000.0);
        }
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
