package com.phuketapp.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The three kinds of things a traveller can book. The code is what clients send ({@code itemType}). */
public enum ItemKind {
    VEHICLE("vehicle", "vehicles"),
    PROPERTY("property", "properties"),
    TOUR("tour", "tours");

    private final String code;
    private final String plural;

    ItemKind(String code, String plural) {
        this.code = code;
        this.plural = plural;
    }

    public String code() {
        return code;
    }

    public static Optional<ItemKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }

    /** The kind whose collection is at {@code /v1/<plural>}: {@code vehicles}, {@code properties}, {@code tours}. */
    public static Optional<ItemKind> fromPlural(String plural) {
        return Arrays.stream(values())
                .filter(kind -> kind.plural.equals(plural))
                .findFirst();
    }
}
