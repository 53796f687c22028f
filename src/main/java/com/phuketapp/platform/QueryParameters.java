package com.phuketapp.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Parses query parameters, collecting every mistake so that one 400 names them all; {@link #check()} throws it. An
 * absent or blank parameter is {@code null} (no filter), never an error, unless the parser says otherwise.
 */
public final class QueryParameters {

    private final List<ErrorDetail> errors = new ArrayList<>();

    /** One of {@code values}, matched by its code; otherwise an error listing the allowed codes. */
    public <T> @Nullable T oneOf(
            String name, @Nullable String raw, Collection<T> values, Function<? super T, String> code) {
        if (isBlank(raw)) {
            return null;
        }
        for (T value : values) {
            if (code.apply(value).equals(raw.strip())) {
                return value;
            }
        }
        return reject(name, "validation.oneOf", values.stream().map(code).collect(Collectors.joining(", ")));
    }

    public @Nullable Integer integer(String name, @Nullable String raw, int min, int max) {
        if (isBlank(raw)) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like an out-of-range number
        }
        return reject(name, "validation.range", String.valueOf(min), String.valueOf(max));
    }

    public int integer(String name, @Nullable String raw, int min, int max, int fallback) {
        Integer value = integer(name, raw, min, max);
        return value == null ? fallback : value;
    }

    /** A non-negative amount with at most two decimals, not above {@code max}. */
    public @Nullable BigDecimal amount(String name, @Nullable String raw, BigDecimal max) {
        if (isBlank(raw)) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(raw.strip());
            if (value.signum() >= 0 && value.scale() <= 2 && value.compareTo(max) <= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        return reject(name, "validation.decimal");
    }

    public @Nullable LocalDate date(String name, @Nullable String raw) {
        if (isBlank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException notADate) {
            return reject(name, "validation.date");
        }
    }

    /** Required text, stripped, between the two lengths. */
    public String text(String name, @Nullable String raw, int minLength, int maxLength) {
        String value = raw == null ? "" : raw.strip();
        if (value.length() < minLength || value.length() > maxLength) {
            reject(name, "validation.length", String.valueOf(minLength), String.valueOf(maxLength));
        }
        return value;
    }

    /** Records an error that no single parser can see (one parameter against another). */
    public <T> @Nullable T reject(String name, String messageKey, Object... arguments) {
        errors.add(ErrorDetail.of(name, messageKey, arguments));
        return null;
    }

    /** Throws one 400 listing every parameter that was wrong, if any was. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static boolean isBlank(@Nullable String raw) {
        return raw == null || raw.isBlank();
    }
}
