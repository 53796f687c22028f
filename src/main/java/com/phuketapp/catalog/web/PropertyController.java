package com.phuketapp.catalog.web;

import com.phuketapp.catalog.domain.CatalogService;
import com.phuketapp.catalog.domain.Filters.PropertyFilter;
import com.phuketapp.catalog.domain.PropertyType;
import com.phuketapp.platform.NotFoundException;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import com.phuketapp.platform.PublicCache;
import com.phuketapp.platform.RateLimited;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.util.RawValue;

@RestController
@RequestMapping("/v1/properties")
@PublicCache(maxAgeSeconds = CatalogHttp.CLIENT_CACHE_SECONDS)
class PropertyController {

    private final CatalogService catalog;
    private final RenderedViews views;

    PropertyController(CatalogService catalog, RenderedViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    /** Active villas, condos, hotel rooms and houses; {@code guests} keeps those that sleep at least that many. */
    @GetMapping
    @ApiResponse(
            responseCode = "200",
            description = "The envelope's data: one page, rendered once per item and language",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Views.PropertyView.class))))
    @RateLimited(RateLimited.Category.CATALOG_LIST)
    PageResult<RawValue> list(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String guests,
            @RequestParam(required = false) @Nullable String minPrice,
            @RequestParam(required = false) @Nullable String maxPrice,
            @RequestParam(required = false) @Nullable String sort,
            PageQuery page,
            Locale locale) {
        CatalogParameters parameters = new CatalogParameters();
        PropertyFilter filter = new PropertyFilter(
                parameters.code("type", type, PropertyType.class),
                parameters.area(area, catalog.areas()),
                parameters.parameters.integer("guests", guests, 1, 40),
                parameters.price(minPrice, maxPrice),
                parameters.sort(sort));
        parameters.check();
        return catalog.properties(filter, page).map(item -> views.property(item, locale));
    }

    @GetMapping("/{id}")
    @ApiResponse(
            responseCode = "200",
            description = "The envelope's data",
            content = @Content(schema = @Schema(implementation = Views.PropertyView.class)))
    @RateLimited(RateLimited.Category.CATALOG_DETAIL)
    RawValue get(@PathVariable UUID id, Locale locale) {
        return catalog.property(id)
                .filter(property -> property.active())
                .map(item -> views.property(item, locale))
                .orElseThrow(() -> new NotFoundException("error.catalog.itemNotFound"));
    }
}
