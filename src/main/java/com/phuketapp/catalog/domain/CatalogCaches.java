package com.phuketapp.catalog.domain;

import com.phuketapp.catalog.ItemKind;
import java.util.List;
import java.util.UUID;

/**
 * The catalog's cache names: per kind one for list pages and one for details, plus search, areas and the terms
 * bookings are made on.
 */
public final class CatalogCaches {

    public static final String VEHICLE_PAGES = "catalog.vehicle-pages";
    public static final String VEHICLES = "catalog.vehicles";
    public static final String PROPERTY_PAGES = "catalog.property-pages";
    public static final String PROPERTIES = "catalog.properties";
    public static final String TOUR_PAGES = "catalog.tour-pages";
    public static final String TOURS = "catalog.tours";
    public static final String SEARCH = "catalog.search";
    public static final String AREAS = "catalog.areas";
    /**
     * {@link com.phuketapp.catalog.BookableItem}s, active or not, by {@link #bookableKey}. Its version goes up with
     * every change of the record's fields: an entry cached by the release before would read a new field as null (a
     * tour without its departure time could be booked after it left).
     */
    public static final String BOOKABLE_ITEMS = "catalog.bookable-items.v2";

    private CatalogCaches() {}

    static String pages(ItemKind kind) {
        return switch (kind) {
            case VEHICLE -> VEHICLE_PAGES;
            case PROPERTY -> PROPERTY_PAGES;
            case TOUR -> TOUR_PAGES;
        };
    }

    static String details(ItemKind kind) {
        return switch (kind) {
            case VEHICLE -> VEHICLES;
            case PROPERTY -> PROPERTIES;
            case TOUR -> TOURS;
        };
    }

    /** Ids are unique per kind only. */
    public static String bookableKey(ItemKind kind, UUID id) {
        return kind.name() + ":" + id;
    }

    public static List<String> all() {
        return List.of(
                VEHICLE_PAGES, VEHICLES, PROPERTY_PAGES, PROPERTIES, TOUR_PAGES, TOURS, SEARCH, AREAS, BOOKABLE_ITEMS);
    }
}
