package com.phuketapp.catalog.domain;

public enum VehicleType implements CatalogCode {
    SCOOTER,
    MOTORBIKE,
    CAR;

    @Override
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
