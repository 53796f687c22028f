package com.phuketapp.catalog.web;

import com.phuketapp.catalog.domain.CatalogService;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import com.phuketapp.platform.PublicCache;
import com.phuketapp.platform.QueryParameters;
import com.phuketapp.platform.RateLimited;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PublicCache(maxAgeSeconds = CatalogHttp.CLIENT_CACHE_SECONDS)
class SearchController {

    static final int MAX_QUERY_LENGTH = 200;

    private final CatalogService catalog;

    SearchController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /**
     * Vehicles, properties and tours matching {@code q} in English or Russian, best first. Word forms match
     * ("скутеры" finds "скутер", "villas" finds "villa") and a one-letter typo is forgiven.
     */
    @GetMapping("/v1/search")
    @RateLimited(RateLimited.Category.SEARCH)
    PageResult<Views.SearchHitView> search(
            @RequestParam(required = false) @Nullable String q, PageQuery page, Locale locale) {
        QueryParameters parameters = new QueryParameters();
        String query = parameters.text("q", q, 1, MAX_QUERY_LENGTH);
        parameters.check();
        Views.Localizer views = Views.Localizer.of(locale, catalog.areas());
        return catalog.search(query, page).map(views::hit);
    }

    /** Phuket's areas, for the {@code area} filter. */
    @GetMapping("/v1/areas")
    @RateLimited(RateLimited.Category.CATALOG_LIST)
    List<Views.AreaView> areas(Locale locale) {
        Views.Localizer views = Views.Localizer.of(locale, catalog.areas());
        return catalog.areas().stream().map(area -> views.area(area.code())).toList();
    }
}
