package com.phuketapp.catalog.domain;

import com.phuketapp.catalog.ItemKind;
import com.phuketapp.platform.ErrorDetail;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The fields an admin may set on each kind of item: their JSON names, columns and rules. Turns a request body into
 * checked column values, naming every wrong field in one 400. Ids, ratings and review counts are not among them.
 */
public final class ItemFields {

    /** A checked value, and how it goes into SQL ({@code :value} is replaced by its parameter). */
    public record Value(Object value, String sql) {}

    private record Field(
            String json, String column, boolean required, BiFunction<JsonNode, List<String>, @Nullable Value> parse) {}

    private static final Pattern PHOTO = Pattern.compile("^https://[^\\s]{1,490}$");
    private static final BigDecimal MAX_PRICE = new BigDecimal("10000000");

    private static final List<Field> COMMON = List.of(
            text("nameEn", "name_en", 1, 120),
            text("nameRu", "name_ru", 1, 120),
            text("descriptionEn", "description_en", 1, 4000),
            text("descriptionRu", "description_ru", 1, 4000),
            new Field("area", "area_code", true, (node, errors) -> node.isString() ? plain(node.asString()) : null),
            decimal("latitude", "latitude", true, new BigDecimal("-90"), new BigDecimal("90"), 6),
            decimal("longitude", "longitude", true, new BigDecimal("-180"), new BigDecimal("180"), 6),
            list("features", "features", 30, 60, null),
            list("photos", "photos", 20, 500, PHOTO));

    private static final Map<ItemKind, List<Field>> FIELDS = Map.of(
            ItemKind.VEHICLE,
            with(
                    code("type", "type", Set.of("scooter", "motorbike", "car")),
                    text("brand", "brand", 1, 60),
                    text("model", "model", 1, 60),
                    integer("year", "year", 1990, 2100),
                    integer("engineCc", "engine_cc", 1, 10000),
                    integer("seats", "seats", 1, 12),
                    code("transmission", "transmission", Set.of("automatic", "manual")),
                    money("dailyPrice", "daily_price", true),
                    money("deposit", "deposit", false)),
            ItemKind.PROPERTY,
            with(
                    code("type", "type", Set.of("villa", "condo", "hotel_room", "house")),
                    integer("bedrooms", "bedrooms", 0, 20),
                    integer("bathrooms", "bathrooms", 0, 20),
                    integer("maxGuests", "max_guests", 1, 40),
                    money("nightlyPrice", "nightly_price", true),
                    integer("minNights", "min_nights", 1, 365),
                    integer("maxNights", "max_nights", 1, 365)),
            ItemKind.TOUR,
            with(
                    code("category", "category", Set.of("islands", "diving", "city", "nature", "show")),
                    decimal("durationHours", "duration_hours", true, new BigDecimal("0.5"), new BigDecimal("72"), 1),
                    new Field("startTime", "start_time", true, ItemFields::time),
                    new Field("runDays", "run_days", true, ItemFields::runDays),
                    integer("capacity", "capacity", 1, 500),
                    money("pricePerPerson", "price_per_person", true)));

    private ItemFields() {}

    /**
     * @param creating whether every required field must be there (a new item) or any subset may be (a change)
     * @return column → checked value, in a stable order
     * @throws com.phuketapp.platform.InvalidInputException naming every field that is unknown, missing or wrong
     */
    public static Map<String, Value> parse(ItemKind kind, JsonNode body, boolean creating) {
        List<ErrorDetail> errors = new ArrayList<>();
        Map<String, Value> values = new LinkedHashMap<>();
        if (!body.isObject()) {
            throw com.phuketapp.platform.InvalidInputException.of("body", "validation.malformedJson");
        }
        List<Field> fields = FIELDS.get(kind);
        Set<String> known = fields.stream().map(Field::json).collect(Collectors.toSet());
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(ErrorDetail.of(name, "validation.unknownField"));
            }
        }
        for (Field field : fields) {
            JsonNode node = body.get(field.json());
            if (node == null || node.isNull()) {
                if (creating && field.required()) {
                    errors.add(ErrorDetail.of(field.json(), "validation.required"));
                }
                continue;
            }
            List<String> problems = new ArrayList<>();
            Value value = field.parse().apply(node, problems);
            if (value == null) {
                errors.add(ErrorDetail.of(
                        field.json(), problems.isEmpty() ? "validation.unreadableField" : problems.getFirst()));
            } else {
                values.put(field.column(), value);
            }
        }
        if (!errors.isEmpty()) {
            throw new com.phuketapp.platform.InvalidInputException(errors);
        }
        return values;
    }

    private static List<Field> with(Field... own) {
        List<Field> all = new ArrayList<>(List.of(own));
        all.addAll(COMMON);
        return List.copyOf(all);
    }

    private static Value plain(Object value) {
        return new Value(value, ":value");
    }

    private static Field text(String json, String column, int min, int max) {
        return new Field(json, column, true, (node, errors) -> {
            String text = node.isString() ? node.asString().strip() : null;
            return text != null && text.length() >= min && text.length() <= max ? plain(text) : null;
        });
    }

    private static Field code(String json, String column, Set<String> allowed) {
        return new Field(
                json,
                column,
                true,
                (node, errors) -> node.isString() && allowed.contains(node.asString()) ? plain(node.asString()) : null);
    }

    private static Field integer(String json, String column, int min, int max) {
        return new Field(json, column, true, (node, errors) -> {
            if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= min && node.asLong() <= max) {
                return plain(node.asInt());
            }
            errors.add("validation.range");
            return null;
        });
    }

    private static Field money(String json, String column, boolean required) {
        return new Field(json, column, required, (node, errors) -> {
            BigDecimal amount = number(node);
            if (amount != null && amount.signum() > 0 && amount.scale() <= 2 && amount.compareTo(MAX_PRICE) < 0) {
                return plain(amount);
            }
            errors.add("validation.decimal");
            return null;
        });
    }

    private static Field decimal(
            String json, String column, boolean required, BigDecimal min, BigDecimal max, int scale) {
        return new Field(json, column, required, (node, errors) -> {
            BigDecimal value = number(node);
            return value != null && value.scale() <= scale && value.compareTo(min) >= 0 && value.compareTo(max) <= 0
                    ? plain(value)
                    : null;
        });
    }

    /** Amounts come as decimal strings (as the API writes them) or plain JSON numbers. */
    private static @Nullable BigDecimal number(JsonNode node) {
        try {
            if (node.isString()) {
                return new BigDecimal(node.asString().strip());
            }
            return node.isNumber() ? node.decimalValue() : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Field list(String json, String column, int maxItems, int maxLength, @Nullable Pattern pattern) {
        return new Field(json, column, false, (node, errors) -> {
            if (!node.isArray() || node.size() > maxItems) {
                return null;
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                String text = item.isString() ? item.asString().strip() : "";
                if (text.isEmpty()
                        || text.length() > maxLength
                        || (pattern != null && !pattern.matcher(text).matches())) {
                    return null;
                }
                items.add(text);
            }
            return new Value(arrayLiteral(items), "CAST(:value AS text[])");
        });
    }

    private static @Nullable Value time(JsonNode node, List<String> errors) {
        try {
            return node.isString()
                    ? new Value(LocalTime.parse(node.asString()).toString(), "CAST(:value AS time)")
                    : null;
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    private static @Nullable Value runDays(JsonNode node, List<String> errors) {
        if (!node.isArray() || node.isEmpty() || node.size() > 7) {
            return null;
        }
        List<String> days = new ArrayList<>();
        for (JsonNode day : node) {
            if (!day.isIntegralNumber()
                    || !day.canConvertToInt()
                    || day.asInt() < 1
                    || day.asInt() > 7
                    || days.contains(day.asString())) {
                return null;
            }
            days.add(day.asString());
        }
        return new Value("{" + String.join(",", days) + "}", "CAST(:value AS smallint[])");
    }

    /** A PostgreSQL array literal of texts, every element quoted and escaped. */
    private static String arrayLiteral(List<String> items) {
        return items.stream()
                .map(item -> "\"" + item.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
