package com.phuketapp.booking.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code Idempotency-Key}s per user: which request first used one, and the booking it made. */
@Repository
public class IdempotencyRepository {

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who holds a key: the request (by its hash) and the booking it made or is making. */
    public record Claim(String requestHash, UUID bookingId, boolean ours) {}

    /**
     * Claims the key for a booking about to be made, in the caller's transaction. If a concurrent transaction holds
     * the key, this waits for it to end: then the key is theirs (and their booking exists), or free again (they
     * failed) and ours. A key older than {@code expiredBefore} counts as free.
     */
    public Claim claim(
            UUID userId, String key, String requestHash, UUID bookingId, Instant now, Instant expiredBefore) {
        return jdbc.sql(
                        """
                        INSERT INTO idempotency_keys AS claimed (user_id, key, request_hash, booking_id, created_at)
                        VALUES (:user, :key, :hash, :booking, :now)
                        ON CONFLICT (user_id, key) DO UPDATE
                            SET request_hash = excluded.request_hash, booking_id = excluded.booking_id,
                                created_at = excluded.created_at
                            WHERE claimed.created_at < :expiredBefore
                        RETURNING request_hash, booking_id""")
                .param("user", userId)
                .param("key", key)
                .param("hash", requestHash)
                .param("booking", bookingId)
                .param("now", Timestamp.from(now))
                .param("expiredBefore", Timestamp.from(expiredBefore))
                .query((rs, row) -> new Claim(rs.getString("request_hash"), bookingId, true))
                .optional()
                .orElseGet(() -> jdbc.sql(
                                "SELECT request_hash, booking_id FROM idempotency_keys WHERE user_id = :user AND key = :key")
                        .param("user", userId)
                        .param("key", key)
                        .query((rs, row) ->
                                new Claim(rs.getString("request_hash"), rs.getObject("booking_id", UUID.class), false))
                        .single());
    }

    public int forgetOlderThan(Instant expiredBefore) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :expiredBefore")
                .param("expiredBefore", Timestamp.from(expiredBefore))
                .update();
    }
}
