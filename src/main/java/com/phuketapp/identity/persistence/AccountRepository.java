package com.phuketapp.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, logins and refresh tokens. Personal data arrives here already sealed. */
@Repository
public class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of {@code users}; {@code sealedPhone} as stored. */
    public record UserRow(
            UUID id,
            String email,
            String passwordHash,
            String fullName,
            @Nullable String sealedPhone,
            String locale,
            String role,
            @Nullable Instant disabledAt,
            Instant createdAt,
            Instant updatedAt) {}

    /** What every authenticated request checks: is the login still live, and its user still allowed in. */
    public record SessionState(UUID userId, boolean revoked, boolean userDisabled, String role) {}

    /** @return the new user's id, or empty when the email is taken (in any letter case) */
    public Optional<UUID> insertUser(
            String email,
            String passwordHash,
            String fullName,
            @Nullable String sealedPhone,
            String locale,
            String role) {
        try {
            return Optional.of(jdbc.sql(
                            """
                            INSERT INTO users (email, password_hash, full_name, phone, locale, role)
                            VALUES (:email, :hash, :name, :phone, :locale, :role) RETURNING id
                            """)
                    .param("email", email)
                    .param("hash", passwordHash)
                    .param("name", fullName)
                    .param("phone", sealedPhone)
                    .param("locale", locale)
                    .param("role", role)
                    .query(UUID.class)
                    .single());
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    public Optional<UserRow> userByEmail(String email) {
        return jdbc.sql("SELECT * FROM users WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(USER)
                .optional();
    }

    public Optional<UserRow> user(UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id")
                .param("id", id)
                .query(USER)
                .optional();
    }

    /** How to reach an enabled user: email, name, language and sealed push tokens, in one query. */
    public record ContactRow(String email, String fullName, String locale, List<SealedDevice> devices) {}

    public record SealedDevice(String sealedToken, String platform) {}

    public Optional<ContactRow> contact(UUID id) {
        List<Map<String, Object>> rows = jdbc.sql(
                        """
                        SELECT u.email, u.full_name, u.locale, d.token, d.platform
                        FROM users u LEFT JOIN devices d ON d.user_id = u.id
                        WHERE u.id = :id AND u.disabled_at IS NULL ORDER BY d.created_at""")
                .param("id", id)
                .query()
                .listOfRows();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> first = rows.getFirst();
        List<SealedDevice> devices = rows.stream()
                .filter(row -> row.get("token") != null)
                .map(row -> new SealedDevice((String) row.get("token"), (String) row.get("platform")))
                .toList();
        return Optional.of(new ContactRow(
                (String) first.get("email"), (String) first.get("full_name"), (String) first.get("locale"), devices));
    }

    public List<UserRow> users(@Nullable String emailContains, int limit, long offset) {
        return jdbc.sql(
                        """
                        SELECT * FROM users WHERE :q::text IS NULL OR strpos(lower(email), lower(:q)) > 0
                         ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset
                        """)
                .param("q", emailContains)
                .param("limit", limit)
                .param("offset", offset)
                .query(USER)
                .list();
    }

    public long countUsers(@Nullable String emailContains) {
        return jdbc.sql("SELECT count(*) FROM users WHERE :q::text IS NULL OR strpos(lower(email), lower(:q)) > 0")
                .param("q", emailContains)
                .query(Long.class)
                .single();
    }

    /** Not on a disabled account: an update read before an erasure committed must not write its data back. */
    public void updateProfile(UUID id, String fullName, @Nullable String sealedPhone, String locale) {
        jdbc.sql(
                        """
                        UPDATE users SET full_name = :name, phone = :phone, locale = :locale, updated_at = now()
                         WHERE id = :id AND disabled_at IS NULL
                        """)
                .param("id", id)
                .param("name", fullName)
                .param("phone", sealedPhone)
                .param("locale", locale)
                .update();
    }

    public void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .update();
    }

    public void setRole(UUID id, String role) {
        jdbc.sql("UPDATE users SET role = :role, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("role", role)
                .update();
    }

    /** @return whether the user exists */
    public boolean setDisabled(UUID id, boolean disabled) {
        return jdbc.sql(
                                """
                                UPDATE users SET disabled_at = CASE WHEN :disabled THEN coalesce(disabled_at, now()) END,
                                       updated_at = now() WHERE id = :id
                                """)
                        .param("id", id)
                        .param("disabled", disabled)
                        .update()
                == 1;
    }

    /**
     * Keeps the row (bookings point at it) with nothing personal left in it. The email becomes {@code erased:<id>},
     * which is no email address: nobody can register it first and so make the erasure fail on the unique email.
     */
    public void anonymise(UUID id, String unusablePasswordHash) {
        jdbc.sql(
                        """
                        UPDATE users SET email = 'erased:' || id, full_name = '', phone = NULL,
                               password_hash = :hash, disabled_at = now(), updated_at = now() WHERE id = :id
                        """)
                .param("id", id)
                .param("hash", unusablePasswordHash)
                .update();
        jdbc.sql("DELETE FROM devices WHERE user_id = :id").param("id", id).update();
    }

    /**
     * Starts a login, if the account still has the password hash the caller checked and is not disabled. The user's
     * row is locked for share: a password change (or the admin bootstrap, or a disabling) either committed before,
     * and no login starts, or waits for this one and then revokes it with the others.
     *
     * @return whether the login started
     */
    public boolean createSession(UUID sessionId, UUID userId, String checkedPasswordHash, Instant expiresAt) {
        return jdbc.sql(
                                """
                        INSERT INTO sessions (id, user_id, expires_at)
                        SELECT :id, id, :expires FROM users
                        WHERE id = :user AND password_hash = :hash AND disabled_at IS NULL
                        FOR SHARE""")
                        .param("id", sessionId)
                        .param("user", userId)
                        .param("hash", checkedPasswordHash)
                        .param("expires", Timestamp.from(expiresAt))
                        .update()
                == 1;
    }

    public void addRefreshToken(UUID jti, UUID sessionId, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_tokens (jti, session_id, expires_at) VALUES (:jti, :session, :expires)")
                .param("jti", jti)
                .param("session", sessionId)
                .param("expires", Timestamp.from(expiresAt))
                .update();
        jdbc.sql("UPDATE sessions SET expires_at = greatest(expires_at, :expires) WHERE id = :session")
                .param("session", sessionId)
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Whether the refresh token was there to spend: exactly one of several concurrent callers gets {@code true}. */
    public boolean spendRefreshToken(UUID jti) {
        return jdbc.sql("UPDATE refresh_tokens SET spent_at = now() WHERE jti = :jti AND spent_at IS NULL")
                        .param("jti", jti)
                        .update()
                == 1;
    }

    public Optional<SessionState> sessionState(UUID sessionId) {
        return jdbc.sql(
                        """
                        SELECT s.user_id, s.revoked_at IS NOT NULL OR s.expires_at < now() AS revoked,
                               u.disabled_at IS NOT NULL AS disabled, u.role
                          FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = :id
                        """)
                .param("id", sessionId)
                .query((rs, row) -> new SessionState(
                        rs.getObject("user_id", UUID.class),
                        rs.getBoolean("revoked"),
                        rs.getBoolean("disabled"),
                        rs.getString("role")))
                .optional();
    }

    public void revokeSession(UUID sessionId, String reason) {
        jdbc.sql(
                        "UPDATE sessions SET revoked_at = now(), revoked_reason = :reason WHERE id = :id AND revoked_at IS NULL")
                .param("id", sessionId)
                .param("reason", reason)
                .update();
    }

    /** @return the sessions it ended */
    public List<UUID> revokeSessions(UUID userId, String reason) {
        return jdbc.sql(
                        """
                        UPDATE sessions SET revoked_at = now(), revoked_reason = :reason
                         WHERE user_id = :user AND revoked_at IS NULL RETURNING id
                        """)
                .param("user", userId)
                .param("reason", reason)
                .query(UUID.class)
                .list();
    }

    private static final RowMapper<UserRow> USER = (rs, row) -> new UserRow(
            rs.getObject("id", UUID.class),
            rs.getString("email"),
            rs.getString("password_hash"),
            rs.getString("full_name"),
            rs.getString("phone"),
            rs.getString("locale"),
            rs.getString("role"),
            instant(rs, "disabled_at"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
