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
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

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
