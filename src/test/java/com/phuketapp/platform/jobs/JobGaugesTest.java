package com.phuketapp.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class JobGaugesTest {

    @Test
    void withTheDatabaseAwayEveryGaugeSaysNaNAfterOneTryForAllOfThem() {
        AtomicInteger tries = new AtomicInteger();
        // Nothing listens on port 1: the database is away.
        var away = new DelegatingDataSource(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/phuket")) {
            @Override
            public Connection getConnection() throws SQLException {
                tries.incrementAndGet();
                return super.getConnection();
            }
        };
        JobGauges gauges = new JobGauges(away, Clock.systemUTC());

        assertThat(gauges.queued("notification")).isNaN();
        assertThat(gauges.dead("notification")).isNaN();
        assertThat(gauges.queued("payment-refund")).isNaN();
        assertThat(tries).hasValue(1);
    }
}
