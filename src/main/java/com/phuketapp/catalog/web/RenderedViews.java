package com.phuketapp.catalog.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.phuketapp.catalog.domain.CatalogService;
import com.phuketapp.catalog.domain.Property;
import com.phuketapp.catalog.domain.SearchHit;
import com.phuketapp.catalog.domain.Tour;
import com.phuketapp.catalog.domain.Vehicle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The catalog's views, rendered to JSON once per item and language and then copied into every answer that shows the
 * item: writing a page of twenty items with their descriptions through Jackson took about a fifth of a catalog
 * request's CPU. The key is the cached domain record itself, compared by identity and held weakly: an edited item
 * comes out of the catalog cache as a new record and renders afresh, and a record the catalog cache has let go is
 * let go here too. Area names come from the area list, which only a migration changes.
 */
@Component
class RenderedViews {

    /** About 2 KiB each (both languages): a bound of 20 MiB that only a catalog of thousands of items would reach. */
    private static final int MAX_ITEMS = 10_000;

    private final CatalogService catalog;
    private final JsonMapper json;
    private final Cache<Object, Map<Locale, RawValue>> rendered =
            Caffeine.newBuilder().weakKeys().maximumSize(MAX_ITEMS).build();

    RenderedViews(CatalogService catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    RawValue vehicle(Vehicle vehicle, Locale locale) {
        return render(vehicle, locale, Views.Localizer::vehicle);
    }

    RawValue property(Property property, Locale locale) {
        return render(property, locale, Views.Localizer::property);
    }

    RawValue tour(Tour tour, Locale locale) {
        return render(tour, locale, Views.Localizer::tour);
    }

    RawValue hit(SearchHit hit, Locale locale) {
        return render(hit, locale, Views.Localizer::hit);
    }

    /** {@code SerializedString} keeps its UTF-8 bytes, so writing the view into an answer is an array copy. */
    private <T> RawValue render(T item, Locale locale, BiFunction<Views.Localizer, T, Object> view) {
        return rendered.get(item, ignored -> new ConcurrentHashMap<>(2)).computeIfAbsent(locale, language -> {
            Object localized = view.apply(Views.Localizer.of(language, catalog.areas()), item);
            return new RawValue(new SerializedString(json.writeValueAsString(localized)));
        });
    }
}
