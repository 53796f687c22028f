package com.phuketapp.catalog.domain;

/** Islands, diving and snorkelling, city, nature and adventure, shows. */
public enum TourCategory implements CatalogCode {
    ISLANDS,
    DIVING,
    CITY,
    NATURE,
    SHOW;

    @Override
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
