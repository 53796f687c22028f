package com.phuketapp.catalog.web;

import com.phuketapp.catalog.domain.CatalogService;
import com.phuketapp.catalog.domain.Filters.VehicleFilter;
import com.phuketapp.catalog.domain.VehicleType;
import com.phuketapp.platform.NotFoundException;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import com.phuketapp.platform.PublicCache;
import com.phuketapp.platform.RateLimited;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/vehicles")
@PublicCache(maxAgeSeconds = CatalogHttp.CLIENT_CACHE_SECONDS)
class VehicleController {

    private final CatalogService catalog;

    VehicleController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** Active scooters, motorbikes and cars; {@code sort} is {@code price}, {@code -price}, {@code rating} or {@code -rating}. */
    @GetMapping
    @RateLimited(RateLimited.Category.CATALOG_LIST)
    PageResult<Views.VehicleView> list(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String minPrice,
            @RequestParam(required = false) @Nullable String maxPrice,
            @RequestParam(required = false) @Nullable String sort,
            PageQuery page,
            Locale locale) {
        CatalogParameters parameters = new CatalogParameters();
        VehicleFilter filter = new VehicleFilter(
                parameters.code("type", type, VehicleType.class),
                parameters.area(area, catalog.areas()),
                parameters.price(minPrice, maxPrice),
                parameters.sort(sort));
        parameters.check();
        Views.Localizer views = Views.Localizer.of(locale, catalog.areas());
        return catalog.vehicles(filter, page).map(views::vehicle);
    }

    @GetMapping("/{id}")
    @RateLimited(RateLimited.Category.CATALOG_DETAIL)
    Views.VehicleView get(@PathVariable UUID id, Locale locale) {
        return catalog.vehicle(id)
                .filter(vehicle -> vehicle.active())
                .map(Views.Localizer.of(locale, catalog.areas())::vehicle)
                .orElseThrow(() -> new NotFoundException("error.catalog.itemNotFound"));
    }
}
