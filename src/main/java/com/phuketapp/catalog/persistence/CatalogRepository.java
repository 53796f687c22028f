package com.phuketapp.catalog.persistence;

import com.phuketapp.catalog.BookableItem;
import com.phuketapp.catalog.ItemKind;
import com.phuketapp.catalog.domain.Area;
import com.phuketapp.catalog.domain.Filters.PropertyFilter;
import com.phuketapp.catalog.domain.Filters.TourFilter;
import com.phuketapp.catalog.domain.Filters.VehicleFilter;
import com.phuketapp.catalog.domain.GeoPoint;
import com.phuketapp.catalog.domain.ItemFields;
import com.phuketapp.catalog.domain.LocalizedText;
import com.phuketapp.catalog.domain.Property;
import com.phuketapp.catalog.domain.PropertyType;
import com.phuketapp.catalog.domain.SearchHit;
import com.phuketapp.catalog.domain.SortOrder;
import com.phuketapp.catalog.domain.Tour;
import com.phuketapp.catalog.domain.TourCategory;
import com.phuketapp.catalog.domain.Vehicle;
import com.phuketapp.catalog.domain.VehicleType;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the catalog tables with plain SQL. Lists return one page and the total in one round trip. */
@Repository
public class CatalogRepository {

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Area> areas() {
        return jdbc.sql("SELECT code, name_en, name_ru, latitude, longitude FROM areas ORDER BY name_en")
                .query((rs, row) -> new Area(
                        rs.getString("code"),
                        new LocalizedText(rs.getString("name_en"), rs.getString("name_ru")),
                        location(rs)))
                .list();
    }

    public PageResult<Vehicle> vehicles(VehicleFilter filter, PageQuery page) {
        Where where = new Where("active")
                .and(
                        "type = :type",
                        "type",
                        filter.type() == null ? null : filter.type().code())
                .and("area_code = :area", "area", filter.area())
                .and("daily_price >= :minPrice", "minPrice", filter.price().min())
                .and("daily_price <= :maxPrice", "maxPrice", filter.price().max());
        return page("vehicles", where, order(filter.sort(), "daily_price"), page, VEHICLE);
    }

    public PageResult<Property> properties(PropertyFilter filter, PageQuery page) {
        Where where = new Where("active")
                .and(
                        "type = :type",
                        "type",
                        filter.type() == null ? null : filter.type().code())
                .and("area_code = :area", "area", filter.area())
                .and("max_guests >= :guests", "guests", filter.guests())
                .and("nightly_price >= :minPrice", "minPrice", filter.price().min())
                .and("nightly_price <= :maxPrice", "maxPrice", filter.price().max());
        return page("properties", where, order(filter.sort(), "nightly_price"), page, PROPERTY);
    }

    public PageResult<Tour> tours(TourFilter filter, PageQuery page) {
        Where where = new Where("active")
                .and(
                        "category = :category",
                        "category",
                        filter.category() == null ? null : filter.category().code())
                .and("area_code = :area", "area", filter.area())
                .and("extract(isodow FROM CAST(:date AS date))::smallint = ANY (run_days)", "date", filter.date())
                .and("price_per_person >= :minPrice", "minPrice", filter.price().min())
                .and("price_per_person <= :maxPrice", "maxPrice", filter.price().max());
        return page("tours", where, order(filter.sort(), "price_per_person"), page, TOUR);
    }

    /** Inactive items too: a booking of a since-deactivated villa still shows what was booked. */
    public Optional<Vehicle> vehicle(UUID id) {
        return jdbc.sql("SELECT * FROM vehicles WHERE id = :id")
                .param("id", id)
                .query(VEHICLE)
                .optional();
    }

    public Optional<Property> property(UUID id) {
        return jdbc.sql("SELECT * FROM properties WHERE id = :id")
                .param("id", id)
                .query(PROPERTY)
                .optional();
    }

    public Optional<Tour> tour(UUID id) {
        return jdbc.sql("SELECT * FROM tours WHERE id = :id")
                .param("id", id)
                .query(TOUR)
                .optional();
    }

    /** Only the columns a booking needs, read fresh: what booking asks on every request. */
    public Optional<BookableItem> bookableItem(ItemKind kind, UUID id) {
        String columns =
                switch (kind) {
                    case VEHICLE ->
                        "daily_price AS price, seats AS guests, 1 AS min_days, 2147483647 AS max_days,"
                                + " NULL::smallint[] AS run_days, 1 AS capacity, NULL::time AS start_time FROM vehicles";
                    case PROPERTY ->
                        "nightly_price AS price, max_guests AS guests, min_nights AS min_days,"
                                + " max_nights AS max_days, NULL::smallint[] AS run_days, 1 AS capacity,"
                                + " NULL::time AS start_time FROM properties";
                    case TOUR ->
                        "price_per_person AS price, capacity AS guests, 1 AS min_days, 1 AS max_days,"
                                + " run_days, capacity, start_time FROM tours";
                };
        return jdbc.sql("SELECT name_en, name_ru, active, " + columns + " WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> {
                    Array runDays = rs.getArray("run_days");
                    Set<DayOfWeek> days = runDays == null
                            ? EnumSet.allOf(DayOfWeek.class)
                            : Arrays.stream((Short[]) runDays.getArray())
                                    .map(day -> DayOfWeek.of(day))
                                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
                    return new BookableItem(
                            kind,
                            id,
                            rs.getString("name_en"),
                            rs.getString("name_ru"),
                            rs.getBoolean("active"),
                            rs.getBigDecimal("price"),
                            rs.getInt("guests"),
                            rs.getInt("min_days"),
                            rs.getInt("max_days"),
                            days,
                            rs.getInt("capacity"),
                            rs.getObject("start_time", LocalTime.class));
                })
                .optional();
    }

    /** A new item from checked column values (see {@code ItemFields}). */
    public UUID insert(ItemKind kind, Map<String, ItemFields.Value> values) {
        List<String> columns = new ArrayList<>(values.keySet());
        List<String> placeholders = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            ItemFields.Value value = values.get(columns.get(i));
            placeholders.add(value.sql().replace(":value", ":p" + i));
            parameters.put("p" + i, value.value());
        }
        return jdbc.sql("INSERT INTO " + table(kind) + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", placeholders) + ") RETURNING id")
                .params(parameters)
                .query(UUID.class)
                .single();
    }

    /** @return whether the item exists */
    public boolean update(ItemKind kind, UUID id, Map<String, ItemFields.Value> values) {
        List<String> assignments = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>(Map.of("id", id));
        int i = 0;
        for (Map.Entry<String, ItemFields.Value> entry : values.entrySet()) {
            assignments.add(entry.getKey() + " = " + entry.getValue().sql().replace(":value", ":p" + i));
            parameters.put("p" + i, entry.getValue().value());
            i++;
        }
        assignments.add("updated_at = now()");
        return jdbc.sql("UPDATE " + table(kind) + " SET " + String.join(", ", assignments) + " WHERE id = :id")
                        .params(parameters)
                        .update()
                == 1;
    }

    /** @return whether the item exists */
    public boolean setActive(ItemKind kind, UUID id, boolean active) {
        return jdbc.sql("UPDATE " + table(kind) + " SET active = :active, updated_at = now() WHERE id = :id")
                        .param("active", active)
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Full-text search in both languages (Russian and English stemming, so word forms match) or, for typos, trigram
     * word similarity; ranked by text rank, then similarity, then rating.
     */
    public PageResult<SearchHit> search(String query, PageQuery page) {
        List<Row<SearchHit>> rows = jdbc.sql(SEARCH)
                .param("q", query)
                .param("limit", page.perPage())
                .param("offset", page.offset())
                .query((rs, row) -> new Row<>(
                        new SearchHit(
                                ItemKind.fromCode(rs.getString("kind")).orElseThrow(),
                                rs.getObject("id", UUID.class),
                                new LocalizedText(rs.getString("name_en"), rs.getString("name_ru")),
                                rs.getString("area_code"),
                                rs.getBigDecimal("price"),
                                rs.getBigDecimal("rating"),
                                rs.getString("photo"),
                                rs.getDouble("score")),
                        rs.getLong("total")))
                .list();
        return toPage(rows, page, () -> jdbc.sql("SELECT count(*) FROM (" + SEARCH_HITS + ") hits")
                .param("q", query)
                .query(Long.class)
                .single());
    }

    private static final String SEARCH_HITS =
            """
            WITH q AS (SELECT websearch_to_tsquery('english', :q) || websearch_to_tsquery('russian', :q) AS tsq,
                              lower(:q) AS text)
            SELECT 'vehicle' AS kind, id, name_en, name_ru, area_code, daily_price AS price, rating, photos[1] AS photo,
                   ts_rank(search_doc, q.tsq) * 2 + word_similarity(q.text, search_text) AS score
              FROM vehicles, q WHERE active AND (search_doc @@ q.tsq OR q.text <% search_text)
            UNION ALL
            SELECT 'property', id, name_en, name_ru, area_code, nightly_price, rating, photos[1],
                   ts_rank(search_doc, q.tsq) * 2 + word_similarity(q.text, search_text)
              FROM properties, q WHERE active AND (search_doc @@ q.tsq OR q.text <% search_text)
            UNION ALL
            SELECT 'tour', id, name_en, name_ru, area_code, price_per_person, rating, photos[1],
                   ts_rank(search_doc, q.tsq) * 2 + word_similarity(q.text, search_text)
              FROM tours, q WHERE active AND (search_doc @@ q.tsq OR q.text <% search_text)
            """;

    private static final String SEARCH = "SELECT hits.*, count(*) OVER () AS total FROM (" + SEARCH_HITS
            + ") hits ORDER BY score DESC, rating DESC, id LIMIT :limit OFFSET :offset";

    private <T> PageResult<T> page(String table, Where where, String orderBy, PageQuery page, RowMapper<T> mapper) {
        String sql = "SELECT *, count(*) OVER () AS total FROM " + table + " WHERE " + where.sql() + " ORDER BY "
                + orderBy + " LIMIT :limit OFFSET :offset";
        List<Row<T>> rows = jdbc.sql(sql)
                .params(where.parameters())
                .param("limit", page.perPage())
                .param("offset", page.offset())
                .query((rs, row) -> new Row<>(mapper.mapRow(rs, row), rs.getLong("total")))
                .list();
        return toPage(rows, page, () -> jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + where.sql())
                .params(where.parameters())
                .query(Long.class)
                .single());
    }

    private record Row<T>(T item, long total) {}

    /** The window count rides on each row; past the last page there is no row, so count separately. */
    private static <T> PageResult<T> toPage(List<Row<T>> rows, PageQuery page, java.util.function.LongSupplier count) {
        long total = rows.isEmpty()
                ? (page.page() == 1 ? 0 : count.getAsLong())
                : rows.getFirst().total();
        return PageResult.of(rows.stream().map(Row::item).toList(), page, total);
    }

    private static String order(SortOrder sort, String priceColumn) {
        return switch (sort) {
                    case PRICE_ASC -> priceColumn + " ASC";
                    case PRICE_DESC -> priceColumn + " DESC";
                    case RATING_ASC -> "rating ASC";
                    case RATING_DESC -> "rating DESC, review_count DESC";
                }
                + ", id";
    }

    private static String table(ItemKind kind) {
        return switch (kind) {
            case VEHICLE -> "vehicles";
            case PROPERTY -> "properties";
            case TOUR -> "tours";
        };
    }

    private static final RowMapper<Vehicle> VEHICLE = (rs, row) -> new Vehicle(
            rs.getObject("id", UUID.class),
            VehicleType.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT)),
            rs.getString("brand"),
            rs.getString("model"),
            rs.getInt("year"),
            rs.getInt("engine_cc"),
            rs.getInt("seats"),
            rs.getString("transmission"),
            text(rs, "name"),
            text(rs, "description"),
            rs.getString("area_code"),
            location(rs),
            rs.getBigDecimal("daily_price"),
            rs.getBigDecimal("deposit"),
            strings(rs.getArray("features")),
            strings(rs.getArray("photos")),
            rs.getBigDecimal("rating"),
            rs.getInt("review_count"),
            rs.getBoolean("active"));

    private static final RowMapper<Property> PROPERTY = (rs, row) -> new Property(
            rs.getObject("id", UUID.class),
            PropertyType.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT)),
            text(rs, "name"),
            text(rs, "description"),
            rs.getString("area_code"),
            location(rs),
            rs.getInt("bedrooms"),
            rs.getInt("bathrooms"),
            rs.getInt("max_guests"),
            rs.getBigDecimal("nightly_price"),
            rs.getInt("min_nights"),
            rs.getInt("max_nights"),
            strings(rs.getArray("features")),
            strings(rs.getArray("photos")),
            rs.getBigDecimal("rating"),
            rs.getInt("review_count"),
            rs.getBoolean("active"));

    private static final RowMapper<Tour> TOUR = (rs, row) -> new Tour(
            rs.getObject("id", UUID.class),
            TourCategory.valueOf(rs.getString("category").toUpperCase(java.util.Locale.ROOT)),
            text(rs, "name"),
            text(rs, "description"),
            rs.getString("area_code"),
            location(rs),
            rs.getBigDecimal("duration_hours"),
            rs.getObject("start_time", java.time.LocalTime.class),
            Arrays.stream((Short[]) rs.getArray("run_days").getArray())
                    .map(Short::intValue)
                    .toList(),
            rs.getInt("capacity"),
            rs.getBigDecimal("price_per_person"),
            strings(rs.getArray("features")),
            strings(rs.getArray("photos")),
            rs.getBigDecimal("rating"),
            rs.getInt("review_count"),
            rs.getBoolean("active"));

    private static LocalizedText text(ResultSet rs, String column) throws SQLException {
        return new LocalizedText(rs.getString(column + "_en"), rs.getString(column + "_ru"));
    }

    private static GeoPoint location(ResultSet rs) throws SQLException {
        return new GeoPoint(rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
