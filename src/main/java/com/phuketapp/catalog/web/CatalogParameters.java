package com.phuketapp.catalog.web;

import com.phuketapp.catalog.domain.Area;
import com.phuketapp.catalog.domain.CatalogCode;
import com.phuketapp.catalog.domain.Filters.PriceRange;
import com.phuketapp.catalog.domain.SortOrder;
import com.phuketapp.platform.QueryParameters;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The catalog's filters on top of the platform's parameter parsing: codes, areas, price ranges, sorting. */
final class CatalogParameters {

    private static final BigDecimal MAX_PRICE = new BigDecimal("10000000");

    final QueryParameters parameters = new QueryParameters();

    <E extends Enum<E> & CatalogCode> @Nullable E code(String name, @Nullable String raw, Class<E> type) {
        return parameters.oneOf(name, raw, Arrays.asList(type.getEnumConstants()), CatalogCode::code);
    }

    SortOrder sort(@Nullable String raw) {
        SortOrder sort = code("sort", raw, SortOrder.class);
        return sort == null ? SortOrder.RATING_DESC : sort;
    }

    @Nullable
    String area(@Nullable String raw, List<Area> areas) {
        Area area = parameters.oneOf("area", raw, areas, Area::code);
        return area == null ? null : area.code();
    }

    PriceRange price(@Nullable String min, @Nullable String max) {
        BigDecimal low = parameters.amount("minPrice", min, MAX_PRICE);
        BigDecimal high = parameters.amount("maxPrice", max, MAX_PRICE);
        if (low != null && high != null && low.compareTo(high) > 0) {
            parameters.reject("minPrice", "validation.priceRange");
        }
        return new PriceRange(low, high);
    }

    void check() {
        parameters.check();
    }
}
