package com.phuketapp.catalog.web;

import com.phuketapp.catalog.ItemKind;
import com.phuketapp.catalog.domain.CatalogService;
import com.phuketapp.platform.NotFoundException;
import com.phuketapp.platform.RateLimited;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.RawValue;

/**
 * Admins edit the catalog: add an item, change some of its fields, take it off sale and put it back. Each change
 * evicts what it affects from the caches at once. The fields are those of the public views (names and descriptions
 * as {@code nameEn}/{@code nameRu}, …, amounts as decimal strings); unknown fields are refused.
 */
@RestController
@RequestMapping("/v1/admin/{kind:vehicles|properties|tours}")
@RateLimited(RateLimited.Category.ADMIN)
class AdminCatalogController {

    private final CatalogService catalog;
    private final RenderedViews views;

    AdminCatalogController(CatalogService catalog, RenderedViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Object create(@PathVariable String kind, @RequestBody JsonNode body, Locale locale) {
        ItemKind itemKind = kind(kind);
        return view(itemKind, catalog.create(itemKind, body), locale);
    }

    /** Even an inactive item: admins see everything. */
    @GetMapping("/{id}")
    Object get(@PathVariable String kind, @PathVariable UUID id, Locale locale) {
        return view(kind(kind), id, locale);
    }

    @PatchMapping("/{id}")
    Object update(@PathVariable String kind, @PathVariable UUID id, @RequestBody JsonNode body, Locale locale) {
        ItemKind itemKind = kind(kind);
        catalog.update(itemKind, id, body);
        return view(itemKind, id, locale);
    }

    /** Off sale: gone from lists, details and search, and no longer bookable; existing bookings stand. */
    @PostMapping("/{id}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable String kind, @PathVariable UUID id) {
        catalog.setActive(kind(kind), id, false);
    }

    @PostMapping("/{id}/activate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void activate(@PathVariable String kind, @PathVariable UUID id) {
        catalog.setActive(kind(kind), id, true);
    }

    private RawValue view(ItemKind kind, UUID id, Locale locale) {
        NotFoundException notFound = new NotFoundException("error.catalog.itemNotFound");
        return switch (kind) {
            case VEHICLE ->
                catalog.vehicle(id).map(item -> views.vehicle(item, locale)).orElseThrow(() -> notFound);
            case PROPERTY ->
                catalog.property(id).map(item -> views.property(item, locale)).orElseThrow(() -> notFound);
            case TOUR -> catalog.tour(id).map(item -> views.tour(item, locale)).orElseThrow(() -> notFound);
        };
    }

    /** The path's pattern admits only the three plurals. */
    private static ItemKind kind(String plural) {
        return ItemKind.fromPlural(plural).orElseThrow(NotFoundException::new);
    }
}
