package com.phuketapp.platform.jobs;

import com.phuketapp.platform.config.SidePools;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The connections db-scheduler keeps its own books with: picking due jobs, removing finished ones, rescheduling
 * retries, heartbeats. Their commits do not wait for the disk ({@code synchronous_commit = off}): a crash of
 * PostgreSQL can forget the last fraction of a second of this bookkeeping, which at worst runs a job once more, and
 * jobs are at least once anyway. Waiting for the disk here cost the machine a sixth of its CPU per booking (a flush
 * per finished job). Queuing a job is not bookkeeping: it is written by the transaction of the change it reports, on
 * the application's own connections, and is as durable as that change.
 */
final class BookkeepingConnections implements AutoCloseable {

    private final DataSource dataSource;
    private final @Nullable HikariDataSource pool;

    /**
     * A small pool of its own when the application's pool is Hikari's (as Spring Boot configures it), with the same
     * database, credentials and timeouts; otherwise the application's own connections, whose commits wait.
     */
    BookkeepingConnections(DataSource application, int connections) {
        if (application instanceof HikariDataSource hikari) {
            this.pool = SidePools.beside(hikari, "jobs", connections, "-c synchronous_commit=off");
            this.dataSource = pool;
        } else {
            this.pool = null;
            this.dataSource = application;
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
