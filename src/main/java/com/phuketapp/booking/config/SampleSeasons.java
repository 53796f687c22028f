package com.phuketapp.booking.config;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the sample catalog, gives each sample property Phuket's seasons for this year and the next two: high season
 * (November to April, +25 %) and the peak holidays (20 December to 10 January, +60 %), rounded to 10 THB. Runs after
 * the sample catalog (order 0) and only while no property has seasons yet.
 */
@Component
@Order(1)
class SampleSeasons implements Callback {

    private static final String SEASONS =
            """
            INSERT INTO property_seasons (property_id, name, period, nightly_price)
            SELECT p.id, s.name, daterange(s.start, s.finish, '[)'), round(p.nightly_price * s.factor / 10) * 10
            FROM properties p
            CROSS JOIN generate_series(extract(year FROM now())::int - 1, extract(year FROM now())::int + 2) AS y(year)
            CROSS JOIN LATERAL (VALUES
                ('High season', make_date(y.year, 11, 1), make_date(y.year + 1, 5, 1), 1.25),
                ('Peak holidays', make_date(y.year, 12, 20), make_date(y.year + 1, 1, 11), 1.60)
            ) AS s(name, start, finish, factor)
            WHERE NOT EXISTS (SELECT 1 FROM property_seasons)
            """;

    private final boolean enabled;

    SampleSeasons(@Value("${phuket.catalog.sample-data:false}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return enabled && event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(SEASONS);
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not load the sample seasons", failure);
        }
    }

    @Override
    public String getCallbackName() {
        return "sample-seasons";
    }
}
