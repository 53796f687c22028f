package com.phuketapp.platform.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;

/**
 * Small connection pools beside the application's, for work that must not queue behind requests for its connections
 * (db-scheduler's bookkeeping, the health check): the same database, credentials, timeouts and session settings.
 */
public final class SidePools {

    private SidePools() {}

    /**
     * @param extraOptions PostgreSQL settings for these connections only ({@code -c name=value ...}), appended to the
     *     application's own (its statement timeout among them), or empty
     */
    public static HikariDataSource beside(HikariDataSource application, String name, int size, String extraOptions) {
        // Field by field rather than HikariConfig.copyStateTo, which would share the application's data source
        // properties object with this pool, and the options set below would then become the application's too.
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(application.getJdbcUrl());
        config.setUsername(application.getUsername());
        config.setPassword(application.getPassword());
        if (application.getDriverClassName() != null) {
            config.setDriverClassName(application.getDriverClassName());
        }
        config.setConnectionTimeout(application.getConnectionTimeout());
        config.setValidationTimeout(application.getValidationTimeout());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(1, size));
        Properties properties = new Properties();
        properties.putAll(application.getDataSourceProperties());
        if (!extraOptions.isEmpty()) {
            // A startup parameter of the connection: no statement, no round trip.
            String options = properties.getProperty("options", "");
            properties.setProperty("options", (options + " " + extraOptions).strip());
        }
        config.setDataSourceProperties(properties);
        return new HikariDataSource(config);
    }
}
