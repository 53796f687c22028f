-- The job table is a queue: every job leaves two dead row versions (its pick and its delete), thousands a minute
-- under load, and every poll walks past the ones not yet vacuumed. PostgreSQL's default waits for dead rows to reach
-- a fifth of the table, and a small table that turns over all the time then stays mostly dead; vacuum it as soon as
-- a thousand have gathered, at full speed (the table is small, so a vacuum takes milliseconds).
ALTER TABLE scheduled_tasks SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0
);
