package com.phuketapp.platform.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Durable jobs ({@code phuket.jobs.*}).
 *
 * @param threads         jobs run at once per instance: they spend their time waiting for outside services (FCM,
 *                        SendGrid, Stripe), so several per core: with four, services that answer in 100 ms would let
 *                        an instance send about twenty notices (an email and a push each) a second
 * @param connections     PostgreSQL connections of the jobs' own bookkeeping (picking, removing finished jobs,
 *                        retries), beside the application's pool: each statement holds one for a fraction of a
 *                        millisecond
 * @param pollingInterval how often an instance looks for due jobs: the most a queued job waits when the queue is idle
 * @param maxAttempts     attempts before a job becomes a dead letter
 * @param initialBackoff  wait after the first failure; each further failure doubles it, up to {@code maxBackoff}, and
 *                        a random jitter of up to half of it spreads retries of many jobs apart
 * @param maxBackoff      the longest wait between two attempts
 * @param heartbeatInterval how often an instance tells the database that the jobs it picked are still its own; the
 *                        jobs of an instance that missed four (it crashed, or lost the database) are run by another,
 *                        so a crash delays them about a minute (db-scheduler's default, 5 minutes, would be half an
 *                        hour: a reminder that the hold runs out would arrive after it has)
 */
@ConfigurationProperties("phuket.jobs")
public record JobsProperties(
        @DefaultValue("16") int threads,
        @DefaultValue("4") int connections,
        @DefaultValue("2s") Duration pollingInterval,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("15s") Duration heartbeatInterval) {}
