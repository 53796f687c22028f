package com.phuketapp.catalog.domain;

/** How a list is ordered: {@code sort=price}, {@code -price}, {@code rating}, {@code -rating} (the default). */
public enum SortOrder implements CatalogCode {
    PRICE_ASC("price"),
    PRICE_DESC("-price"),
    RATING_ASC("rating"),
    RATING_DESC("-rating");

    private final String code;

    SortOrder(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
