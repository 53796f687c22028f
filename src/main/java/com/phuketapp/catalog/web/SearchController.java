package com.phuketapp.catalog.web;

import com.phuketapp.catalog.domain.Area;
import com.phuketapp.catalog.domain.CatalogService;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import com.phuketapp.platform.PublicCache;
import com.phuketapp.platform.QueryParameters;
import com.phuketapp.platform.RateLimited;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.util.RawValue;

@RestController
@PublicCache(maxAgeSeconds = CatalogHttp.CLIENT_CACHE_SECONDS)
class SearchController {

    static final int MAX_QUERY_LENGTH = 200;

    private final CatalogService catalog;
    private final RenderedViews views;

    SearchController(CatalogService catalog, RenderedViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    /**
     * Vehicles, properties and tours matching {@code q} in English or Russian, best first. Word forms match
     * ("скутеры" finds "скутер", "villas" finds "villa") and a one-letter typo is forgiven.
     */
    @GetMapping("/v1/search")
    @ApiResponse(
            responseCode = "200",
            description = "The envelope's data: one page, rendered once per item and language",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Views.SearchHitView.class))))
    @RateLimited(RateLimited.Category.SEARCH)
    PageResult<RawValue> search(@RequestParam(required = false) @Nullable String q, PageQuery page, Locale locale) {
        QueryParameters parameters = new QueryParameters();
        String query = parameters.text("q", q, 1, MAX_QUERY_LENGTH);
        parameters.check();
        return catalog.search(query, page).map(hit -> views.hit(hit, locale));
    }

    /** Phuket's areas, for the {@code area} filter; paginated like every list (a page of 100 holds them all). */
    @GetMapping("/v1/areas")
    @RateLimited(RateLimited.Category.CATALOG_LIST)
    PageResult<Views.AreaView> areas(PageQuery page, Locale locale) {
        List<Area> areas = catalog.areas();
        Views.Localizer views = Views.Localizer.of(locale, areas);
        List<Views.AreaView> onPage = areas.stream()
                .skip(page.offset())
                .limit(page.perPage())
                .map(area -> views.area(area.code()))
                .toList();
        return PageResult.of(onPage, page, areas.size());
    }
}
