package com.phuketapp.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Queue depth and dead letters per job, as the gauges read them: one query for all of them, on the jobs' own
 * connections, at most once every {@link #FRESH_FOR} however many scrapes and gauges ask. While the database is away,
 * one scrape waits for one connection and the gauges say NaN; a query per gauge on the application's pool would wait
 * for each in turn, past Prometheus's scrape timeout, and lose every metric, those that tell of the outage included.
 */
final class JobGauges {

    private static final Logger log = LoggerFactory.getLogger(JobGauges.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private Counts counts = new Counts(Instant.MIN, Map.of(), Map.of(), false);

    private record Counts(Instant takenAt, Map<String, Long> queued, Map<String, Long> dead, boolean unknown) {}

    JobGauges(DataSource bookkeeping, Clock clock) {
        this.jdbc = JdbcClient.create(bookkeeping);
        this.clock = clock;
    }

    /** Jobs of this kind waiting to run, retries included. */
    double queued(String job) {
        Counts now = counts();
        return now.unknown() ? Double.NaN : now.queued().getOrDefault(job, 0L);
    }

    /** Jobs of this kind that gave up and wait for an admin to replay them. */
    double dead(String job) {
        Counts now = counts();
        return now.unknown() ? Double.NaN : now.dead().getOrDefault(job, 0L);
    }

    private synchronized Counts counts() {
        Instant now = clock.instant();
        if (now.isBefore(counts.takenAt().plus(FRESH_FOR))) {
            return counts;
        }
        Map<String, Long> queued = new HashMap<>();
        Map<String, Long> dead = new HashMap<>();
        try {
            jdbc.sql(
                            """
                            SELECT 'queued' AS state, task_name AS job, count(*) AS jobs FROM scheduled_tasks
                            GROUP BY task_name
                            UNION ALL
                            SELECT 'dead', job, count(*) FROM dead_letter_jobs GROUP BY job""")
                    .query(rs -> {
                        (rs.getString("state").equals("dead") ? dead : queued)
                                .put(rs.getString("job"), rs.getLong("jobs"));
                    });
            counts = new Counts(now, queued, dead, false);
        } catch (DataAccessException databaseAway) {
            log.warn("Could not count the jobs for the metrics: {}", databaseAway.toString());
            counts = new Counts(now, Map.of(), Map.of(), true);
        }
        return counts;
    }
}
