package com.phuketapp.identity.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DeviceRepository {

    private final JdbcClient jdbc;

    DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param sealedToken the push token as stored (encrypted) */
    public record Device(UUID id, String sealedToken, String platform, Instant createdAt) {}

    /**
     * Registers the device, or finds it when this user registered the same token before. A phone belongs to whoever
     * registered it last: another account that had the token loses it, or its notices would reach this user's phone.
     */
    public Device register(UUID userId, String sealedToken, String tokenHash, String platform) {
        return jdbc.sql(
                        """
                        INSERT INTO devices AS device (user_id, token, token_hash, platform)
                        VALUES (:user, :token, :hash, :platform)
                        ON CONFLICT (token_hash) DO UPDATE SET
                            user_id = excluded.user_id, token = excluded.token, platform = excluded.platform,
                            created_at = CASE WHEN device.user_id = excluded.user_id THEN device.created_at ELSE now() END
                        RETURNING id, token, platform, created_at
                        """)
                .param("user", userId)
                .param("token", sealedToken)
                .param("hash", tokenHash)
                .param("platform", platform)
                .query((rs, row) -> new Device(
                        rs.getObject("id", UUID.class),
                        rs.getString("token"),
                        rs.getString("platform"),
                        rs.getTimestamp("created_at").toInstant()))
                .single();
    }

    public List<Device> of(UUID userId) {
        return jdbc.sql("SELECT id, token, platform, created_at FROM devices WHERE user_id = :user ORDER BY created_at")
                .param("user", userId)
                .query((rs, row) -> new Device(
                        rs.getObject("id", UUID.class),
                        rs.getString("token"),
                        rs.getString("platform"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public void forget(UUID userId, String tokenHash) {
        jdbc.sql("DELETE FROM devices WHERE user_id = :user AND token_hash = :hash")
                .param("user", userId)
                .param("hash", tokenHash)
                .update();
    }
}
