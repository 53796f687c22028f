package com.phuketapp.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The three kinds of things a traveller can book. The code is what clients send ({@code itemType}). */
public enum ItemKind {
    VEHICLE("vehicle"),
    PROPERTY("property"),
    TOUR("tour");

    private final String code;

    ItemKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ItemKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
