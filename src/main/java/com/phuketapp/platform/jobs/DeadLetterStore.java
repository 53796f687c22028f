package com.phuketapp.platform.jobs;

import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code dead_letter_jobs} table. */
@Component
class DeadLetterStore {

    private static final String COLUMNS = "id, job, payload, attempts, last_error, failed_at";
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DeadLetterStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void keep(String job, Object payload, int attempts, String error) {
        jdbc.sql("INSERT INTO dead_letter_jobs (job, payload, attempts, last_error)"
                        + " VALUES (:job, CAST(:payload AS jsonb), :attempts, :error)")
                .param("job", job)
                .param("payload", json.writeValueAsString(payload))
                .param("attempts", attempts)
                .param("error", truncated(error))
                .update();
    }

    /** Keeps a job whose payload cannot be read: its stored bytes, as a JSON string. */
    void keepUnreadable(String job, String instance, int attempts, String error) {
        jdbc.sql("INSERT INTO dead_letter_jobs (job, payload, attempts, last_error)"
                        + " SELECT task_name, to_jsonb(convert_from(task_data, 'UTF8')), :attempts, :error"
                        + " FROM scheduled_tasks WHERE task_name = :job AND task_instance = :instance")
                .param("job", job)
                .param("instance", instance)
                .param("attempts", attempts)
                .param("error", truncated(error))
                .update();
    }

    PageResult<DeadLetters.DeadLetter> list(@Nullable String job, PageQuery page) {
        String where = " WHERE CAST(:job AS text) IS NULL OR job = :job";
        long total = jdbc.sql("SELECT count(*) FROM dead_letter_jobs" + where)
                .param("job", job)
                .query(Long.class)
                .single();
        List<DeadLetters.DeadLetter> items = jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter_jobs" + where
                        + " ORDER BY failed_at DESC, id LIMIT :limit OFFSET :offset")
                .param("job", job)
                .param("limit", page.perPage())
                .param("offset", page.offset())
                .query(this::letter)
                .list();
        return PageResult.of(items, page, total);
    }

    /** Up to {@code limit} dead letters of a job, oldest first, locked; those another admin is replaying are skipped. */
    List<DeadLetters.DeadLetter> lockOldest(String job, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter_jobs WHERE job = :job"
                        + " ORDER BY failed_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("job", job)
                .param("limit", limit)
                .query(this::letter)
                .list();
    }

    Optional<DeadLetters.DeadLetter> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter_jobs WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::letter)
                .optional();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM dead_letter_jobs WHERE id = :id").param("id", id).update();
    }

    private static String truncated(String error) {
        return error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    }

    private DeadLetters.DeadLetter letter(ResultSet rs, int row) throws SQLException {
        JsonNode payload = json.readTree(rs.getString("payload"));
        Instant failedAt = rs.getTimestamp("failed_at").toInstant();
        return new DeadLetters.DeadLetter(
                rs.getObject("id", UUID.class),
                rs.getString("job"),
                payload,
                rs.getInt("attempts"),
                rs.getString("last_error"),
                failedAt);
    }
}
