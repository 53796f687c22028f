package com.phuketapp.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.phuketapp.platform.JobHandler;
import com.phuketapp.platform.JobQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import tools.jackson.databind.json.JsonMapper;

/**
 * db-scheduler runs the durable jobs: a table in our PostgreSQL, so a job is written in the same transaction as the
 * change it reports, survives crashes (a job whose instance died is picked up by another), and runs on one instance at
 * a time. Queue depth and dead letters per job are metrics ({@code phuket_jobs_queued}, {@code phuket_jobs_dead}).
 */
@Configuration(proxyBeanMethods = false)
class JobsConfig {

    /** How long a stopping instance waits for running jobs before it leaves them to another instance. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    /** Heartbeats an instance may miss before its jobs count as abandoned (see {@link JobsProperties}). */
    private static final int MISSED_HEARTBEATS_BEFORE_DEAD = 4;

    @Bean
    JobCatalog jobCatalog(List<JobHandler<?>> handlers, JobsProperties properties, DeadLetterStore deadLetters) {
        return new JobCatalog(handlers, properties, deadLetters);
    }

    /** One serializer for the scheduler that reads payloads and the client that writes them. */
    @Bean
    JsonPayloads jobPayloads(JsonMapper json) {
        return new JsonPayloads(json);
    }

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    BookkeepingConnections jobBookkeeping(DataSource dataSource, JobsProperties properties) {
        return new BookkeepingConnections(dataSource, properties.connections());
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    @DependsOnDatabaseInitialization
    Scheduler jobScheduler(
            BookkeepingConnections bookkeeping, JobCatalog jobs, JobsProperties properties, JsonPayloads payloads) {
        return Scheduler.create(bookkeeping.dataSource(), List.copyOf(jobs.tasks()))
                .serializer(payloads)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                // One UPDATE … FOR UPDATE SKIP LOCKED … RETURNING picks a whole batch (PostgreSQL), instead of a
                // query for candidates and an UPDATE per job: up to four jobs per thread, fetched again when no more
                // than one per thread is left, so that a busy queue costs a pick statement per few dozen jobs.
                .pollUsingLockAndFetch(1.0, 4.0)
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(MISSED_HEARTBEATS_BEFORE_DEAD)
                .shutdownMaxWait(SHUTDOWN_WAIT)
                // RetryThenDeadLetter logs each failure in one line; the scheduler's own log would add a stack trace.
                .failureLogging(LogLevel.DEBUG, false)
                .build();
    }

    /**
     * Queues through the application's connections, transaction-aware: a job queued inside a Spring transaction is
     * written by that transaction's connection, and commits or rolls back with the change it reports. The client only
     * writes, so it needs no task to read executions with: the scheduler, which runs them, is built from the handlers,
     * and handlers may queue jobs themselves (a refund handler is built from the payment service, which queues
     * refunds).
     */
    @Bean
    JobQueue jobQueue(DataSource dataSource, JsonPayloads payloads) {
        SchedulerClient client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource))
                .serializer(payloads)
                .build();
        return new JobQueue() {
            @Override
            public <T> void enqueue(String job, T payload) {
                // A batch of one is a plain INSERT; schedule() first looks the instance up to skip an existing one,
                // a statement more in the caller's transaction for an id that is random and so never exists.
                TaskInstance<?> instance =
                        new TaskInstance<>(job, UUID.randomUUID().toString(), payload);
                client.scheduleBatch(List.of(instance), Instant.now());
            }
        };
    }

    @Bean
    MeterBinder jobMetrics(JobCatalog jobs, BookkeepingConnections bookkeeping, Clock clock) {
        JobGauges counts = new JobGauges(bookkeeping.dataSource(), clock);
        return meters -> {
            for (String job : jobs.names()) {
                Gauge.builder("phuket.jobs.queued", counts, c -> c.queued(job))
                        .description("Jobs waiting to run, retries included")
                        .tag("task", job)
                        .register(meters);
                Gauge.builder("phuket.jobs.dead", counts, c -> c.dead(job))
                        .description("Jobs that gave up and wait for an admin to replay them")
                        .tag("task", job)
                        .register(meters);
            }
        };
    }
}
