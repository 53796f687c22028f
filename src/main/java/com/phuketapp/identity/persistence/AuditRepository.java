package com.phuketapp.identity.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(Instant at, @Nullable UUID userId, String event, String outcome, @Nullable String ip) {}

    public void append(
            @Nullable UUID userId, String event, String outcome, @Nullable String ip, @Nullable String detail) {
        jdbc.sql(
                        """
                        INSERT INTO audit_log (user_id, event, outcome, ip, detail)
                        VALUES (:user, :event, :outcome, :ip, :detail)
                        """)
                .param("user", userId)
                .param("event", event)
                .param("outcome", outcome)
                .param("ip", ip)
                .param("detail", detail)
                .update();
    }

    /** An erased account's entries keep what happened and when, not where from. */
    public void forgetAddressesOf(UUID userId) {
        jdbc.sql("UPDATE audit_log SET ip = NULL WHERE user_id = :user AND ip IS NOT NULL")
                .param("user", userId)
                .update();
    }

    public List<Entry> of(UUID userId) {
        return jdbc.sql("SELECT at, user_id, event, outcome, ip FROM audit_log WHERE user_id = :user ORDER BY id")
                .param("user", userId)
                .query((rs, row) -> new Entry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("event"),
                        rs.getString("outcome"),
                        rs.getString("ip")))
                .list();
    }
}
