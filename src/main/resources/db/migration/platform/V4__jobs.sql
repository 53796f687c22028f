-- Durable jobs (db-scheduler's table, its PostgreSQL schema) and the jobs that gave up (dead letters).

CREATE TABLE scheduled_tasks (
    task_name            text NOT NULL,
    task_instance        text NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
-- Only the index the polling query needs: the table is a queue whose rows live for seconds, and every index more is
-- written on each insert, pick and delete. (db-scheduler's schema adds last_heartbeat and priority indexes, for large
-- tables of long-lived tasks and for priorities, which we do not use.)
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);

-- A job that failed every attempt (or failed for good) lands here with its payload, for an admin to replay.
CREATE TABLE dead_letter_jobs (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    job        text NOT NULL,
    payload    jsonb NOT NULL,
    attempts   integer NOT NULL,
    last_error text NOT NULL,
    failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dead_letter_jobs_job_idx ON dead_letter_jobs (job, failed_at DESC);
