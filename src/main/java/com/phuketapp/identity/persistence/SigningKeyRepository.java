package com.phuketapp.identity.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class SigningKeyRepository {

    /** Serialises key creation across instances that start or rotate at the same moment. */
    private static final long LOCK = 0x5048_4b54_4b45_5953L;

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param sealedPrivateJwk the private key as a JWK, sealed by the field cipher */
    public record StoredKey(String kid, String sealedPrivateJwk, Instant createdAt, @Nullable Instant retiredAt) {}

    /** Keys that may still verify a token: not retired, or retired after {@code retiredAfter}; newest first. */
    public List<StoredKey> usable(Instant retiredAfter) {
        return jdbc.sql(
                        """
                        SELECT kid, private_key, created_at, retired_at FROM signing_keys
                         WHERE retired_at IS NULL OR retired_at > :after ORDER BY created_at DESC
                        """)
                .param("after", Timestamp.from(retiredAfter))
                .query((rs, row) -> new StoredKey(
                        rs.getString("kid"),
                        rs.getString("private_key"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("retired_at") == null
                                ? null
                                : rs.getTimestamp("retired_at").toInstant()))
                .list();
    }

    /**
     * Makes {@code kid} the signing key and retires the others, unless {@code unlessActiveSince} is given and the
     * active key was made after it (by another instance that rotated a moment ago).
     *
     * <p>In a transaction of its own, committed before it returns: the new key is visible to every login at once, and
     * the lock is not held by a caller's longer transaction. (Joining the caller's transaction deadlocked two first
     * logins: one held the lock until its commit, the other held the rotation monitor and waited for the lock.)
     *
     * @return whether this key was stored
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean replaceActive(
            String kid, String sealedPrivateJwk, String publicJwk, @Nullable Instant unlessActiveSince) {
        jdbc.sql("SELECT pg_advisory_xact_lock(" + LOCK + ")").query().listOfRows();
        if (unlessActiveSince != null
                && jdbc.sql("SELECT EXISTS (SELECT 1 FROM signing_keys WHERE retired_at IS NULL AND created_at > :t)")
                        .param("t", Timestamp.from(unlessActiveSince))
                        .query(Boolean.class)
                        .single()) {
            return false;
        }
        jdbc.sql("UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL")
                .update();
        jdbc.sql("INSERT INTO signing_keys (kid, private_key, public_jwk) VALUES (:kid, :private, :public)")
                .param("kid", kid)
                .param("private", sealedPrivateJwk)
                .param("public", publicJwk)
                .update();
        return true;
    }
}
