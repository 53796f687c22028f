package com.phuketapp.catalog.domain;

import com.phuketapp.catalog.ItemKind;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One ranked search result of any kind, with what a result list shows.
 *
 * @param price per day (vehicles), per night (properties) or per person (tours), in THB
 */
public record SearchHit(
        ItemKind kind,
        UUID id,
        LocalizedText name,
        String areaCode,
        BigDecimal price,
        BigDecimal rating,
        @Nullable String photo,
        double score) {}
