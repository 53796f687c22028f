package com.phuketapp.catalog.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Loads the sample catalog (Phuket's areas, vehicles, properties and tours in both languages) right after the
 * migrations, before the app serves, when {@code SAMPLE_DATA} is on and the catalog is still empty. On by default in
 * the embedded mode, off against an external database.
 */
@Component
// Before the sample data of other modules, which refers to the catalog's items.
@Order(0)
class SampleCatalog implements Callback {

    private static final Logger log = LoggerFactory.getLogger(SampleCatalog.class);
    private static final String SCRIPT = "db/sample/catalog-sample.sql";
    /** Serialises concurrent start-ups of several instances on one database. */
    private static final long LOCK = 0x5048_4b54_5341_4d50L;

    private final boolean enabled;

    SampleCatalog(@Value("${phuket.catalog.sample-data:false}") boolean enabled) {
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
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            try (ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM areas)")) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    ScriptUtils.executeSqlScript(connection, new ClassPathResource(SCRIPT));
                    log.info("Loaded the sample catalog");
                }
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not load the sample catalog", failure);
        }
    }

    @Override
    public String getCallbackName() {
        return "sample-catalog";
    }
}
