package com.phuketapp.identity.config;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings ({@code phuket.identity.*}).
 *
 * @param issuer             the tokens' {@code iss}, checked on the way back in
 * @param audience           the tokens' {@code aud}, checked on the way back in
 * @param accessTokenTtl     contract: 30 min
 * @param refreshTokenTtl    contract: 7 days; also how long a login lasts without being refreshed
 * @param keyRotation        how old the signing key may get before a new one takes over (old ones keep verifying)
 * @param bcryptCost         contract: 12
 * @param hashingThreads     threads that run bcrypt (0: one per core); a burst of logins queues here instead of
 *                           starving other work
 * @param hashingQueue       logins that may wait for a hashing thread; beyond that the answer is 503. Well under
 *                           {@code phuket.web.max-concurrent-requests}: a waiting login holds one of those slots, and
 *                           at cost 12 on two cores (about 7 checks a second) 32 waiting is a wait of about 5 s
 * @param adminEmail         with {@code adminPassword}: an admin account that exists after start-up
 * @param encryption         keys for personal data at rest
 */
@ConfigurationProperties("phuket.identity")
public record IdentityProperties(
        @DefaultValue("phuket-backend") String issuer,
        @DefaultValue("phuket-app") String audience,
        @DefaultValue("30m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("30d") Duration keyRotation,
        @DefaultValue("12") int bcryptCost,
        @DefaultValue("0") int hashingThreads,
        @DefaultValue("32") int hashingQueue,
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @DefaultValue Encryption encryption) {

    /**
     * AES-256-GCM keys for personal data (phone numbers, device tokens, signing keys). Each value names the key that
     * sealed it, so a new {@code activeKey} can take over while the old ones still open what they sealed.
     *
     * With none configured, the embedded mode generates one and keeps it in {@code data/secrets/} beside the database.
     *
     * @param keys      key id → 32 bytes in Base64
     * @param activeKey the id of the key new values are sealed with (may be left out when there is one key)
     */
    public record Encryption(@DefaultValue Map<String, String> keys, @Nullable String activeKey) {}
}
