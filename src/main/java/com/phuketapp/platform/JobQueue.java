package com.phuketapp.platform;

/** Queues durable jobs (see {@link JobHandler}). */
public interface JobQueue {

    /**
     * Queues a job for the handler named {@code job}. Inside a transaction the job is written by that transaction: it
     * runs once the transaction commits, and never if it rolls back.
     */
    <T> void enqueue(String job, T payload);
}
