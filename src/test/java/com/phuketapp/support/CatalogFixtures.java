package com.phuketapp.support;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fresh catalog items, one per test, so that tests booking them never meet each other's bookings. */
public record CatalogFixtures(JdbcClient jdbc) {

    public UUID vehicle(BigDecimal dailyPrice, int seats) {
        return jdbc.sql(
                        """
                        INSERT INTO vehicles (type, brand, model, year, engine_cc, seats, transmission, name_en, name_ru,
                            description_en, description_ru, area_code, latitude, longitude, daily_price)
                        VALUES ('scooter', 'Honda', 'Click', 2024, 125, :seats, 'automatic', 'Test scooter',
                            'Тестовый скутер', 'For tests', 'Для тестов', 'patong', 7.896, 98.296, :price)
                        RETURNING id""")
                .param("seats", seats)
                .param("price", dailyPrice)
                .query(UUID.class)
                .single();
    }

    public UUID property(BigDecimal nightlyPrice, int maxGuests, int minNights, int maxNights) {
        return jdbc.sql(
                        """
                        INSERT INTO properties (type, name_en, name_ru, description_en, description_ru, area_code,
                            latitude, longitude, bedrooms, bathrooms, max_guests, nightly_price, min_nights, max_nights)
                        VALUES ('villa', 'Test villa', 'Тестовая вилла', 'For tests', 'Для тестов', 'kata', 7.82, 98.3,
                            2, 2, :guests, :price, :min, :max)
                        RETURNING id""")
                .param("guests", maxGuests)
                .param("price", nightlyPrice)
                .param("min", minNights)
                .param("max", maxNights)
                .query(UUID.class)
                .single();
    }

    /** A tour running every day. */
    public UUID tour(BigDecimal pricePerPerson, int capacity) {
        return tour(pricePerPerson, capacity, "{1,2,3,4,5,6,7}");
    }

    /** @param runDays a PostgreSQL array of ISO days of the week, such as {@code {1,3,5}} */
    public UUID tour(BigDecimal pricePerPerson, int capacity, String runDays) {
        return jdbc.sql(
                        """
                        INSERT INTO tours (category, name_en, name_ru, description_en, description_ru, area_code,
                            latitude, longitude, duration_hours, start_time, run_days, capacity, price_per_person)
                        VALUES ('islands', 'Test tour', 'Тестовая экскурсия', 'For tests', 'Для тестов', 'chalong',
                            7.82, 98.34, 8, '08:00', CAST(:days AS smallint[]), :capacity, :price)
                        RETURNING id""")
                .param("days", runDays)
                .param("capacity", capacity)
                .param("price", pricePerPerson)
                .query(UUID.class)
                .single();
    }
}
