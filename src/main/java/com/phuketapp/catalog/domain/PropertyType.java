package com.phuketapp.catalog.domain;

public enum PropertyType implements CatalogCode {
    VILLA,
    CONDO,
    HOTEL_ROOM,
    HOUSE;

    @Override
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
