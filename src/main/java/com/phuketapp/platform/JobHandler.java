package com.phuketapp.platform;

/**
 * A kind of durable job a module runs, declared as a bean. Jobs are queued with {@link JobQueue} in the caller's
 * transaction, survive crashes and restarts, and are retried with exponential backoff and jitter; after the last
 * attempt, or at once on a {@link PermanentJobFailure}, they become dead letters an admin can replay. A job that got
 * part of its work done throws {@link PartialJobFailure} with what is left, and only that is retried.
 *
 * @param <T> the payload: a record that Jackson can write and read back
 */
public interface JobHandler<T> {

    /** Stable across releases: queued jobs are matched to their handler by it. */
    String name();

    Class<T> payloadType();

    /** Does the work; throwing means "try again later". Runs at least once per job: make it safe to repeat. */
    void handle(T payload) throws Exception;
}
