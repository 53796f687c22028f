package com.phuketapp.catalog.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Collects the conditions of a filtered list; values are always bound parameters, never spliced into SQL. */
final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    Where(String always) {
        conditions.add(always);
    }

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is present. */
    Where and(String condition, String name, @Nullable Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    String sql() {
        return String.join(" AND ", conditions);
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
