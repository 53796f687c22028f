package com.phuketapp.catalog.web;

import com.phuketapp.catalog.domain.CatalogService;
import com.phuketapp.catalog.domain.Filters.TourFilter;
import com.phuketapp.catalog.domain.TourCategory;
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
@RequestMapping("/v1/tours")
@PublicCache(maxAgeSeconds = CatalogHttp.CLIENT_CACHE_SECONDS)
class TourController {

    private final CatalogService catalog;

    TourController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** Active tours; {@code date} (YYYY-MM-DD) keeps those that run on that day of the week. */
    @GetMapping
    @RateLimited(RateLimited.Category.CATALOG_LIST)
    PageResult<Views.TourView> list(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String minPrice,
            @RequestParam(required = false) @Nullable String maxPrice,
            @RequestParam(required = false) @Nullable String sort,
            PageQuery page,
            Locale locale) {
        CatalogParameters parameters = new CatalogParameters();
        TourFilter filter = new TourFilter(
                parameters.code("category", category, TourCategory.class),
                parameters.area(area, catalog.areas()),
                parameters.parameters.date("date", date),
                parameters.price(minPrice, maxPrice),
                parameters.sort(sort));
        parameters.check();
        Views.Localizer views = Views.Localizer.of(locale, catalog.areas());
        return catalog.tours(filter, page).map(views::tour);
    }

    @GetMapping("/{id}")
    @RateLimited(RateLimited.Category.CATALOG_DETAIL)
    Views.TourView get(@PathVariable UUID id, Locale locale) {
        return catalog.tour(id)
                .filter(tour -> tour.active())
                .map(Views.Localizer.of(locale, catalog.areas())::tour)
                .orElseThrow(() -> new NotFoundException("error.catalog.itemNotFound"));
    }
}
