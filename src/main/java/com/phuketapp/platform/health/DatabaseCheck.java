package com.phuketapp.platform.health;

import com.phuketapp.platform.DependencyCheck;
import com.phuketapp.platform.config.SidePools;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether PostgreSQL answers, on a connection of the check's own: borrowed from the application's pool, the check
 * would fail whenever every connection is busy serving requests, and a load balancer would then take a busy but
 * healthy instance out of service (and with it, under load, every instance).
 */
@Component
class DatabaseCheck implements DependencyCheck, AutoCloseable {

    private final JdbcClient jdbc;
    private final @Nullable HikariDataSource pool;

    DatabaseCheck(DataSource application) {
        this.pool = application instanceof HikariDataSource hikari ? SidePools.beside(hikari, "health", 1, "") : null;
        this.jdbc = JdbcClient.create(pool != null ? pool : application);
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public Probe probe() {
        Integer one = jdbc.sql("SELECT 1").query(Integer.class).single();
        return new Probe(one == 1, "postgresql");
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
