package com.phuketapp.identity.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.phuketapp.identity.persistence.SigningKeyRepository;
import com.phuketapp.identity.persistence.SigningKeyRepository.StoredKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 keys tokens are signed with, kept in the database (private parts sealed) so that every instance signs
 * and verifies with the same ones and a restart logs nobody out. The newest key signs; older ones keep verifying until
 * the longest-lived token they signed has expired, so a rotation logs nobody out either.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyRepository repository;
    private final FieldCipher cipher;
    private final Duration rotation;
    private final Duration verifyAfterRetirement;
    private final Clock clock;

    /** Unknown key ids make us look in the database, but not more often than this: they are cheap to forge. */
    private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(10);

    private volatile List<ECKey> keys = List.of();
    private volatile Instant reloadedAt = Instant.EPOCH;

    public SigningKeys(
            SigningKeyRepository repository,
            FieldCipher cipher,
            Duration rotation,
            Duration verifyAfterRetirement,
            Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.rotation = rotation;
        this.verifyAfterRetirement = verifyAfterRetirement;
        this.clock = clock;
    }

    /** The key new tokens are signed with: made on first use, replaced once it is older than the rotation period. */
    public ECKey active() {
        List<ECKey> current = keys;
        if (current.isEmpty() || isDue(current.getFirst())) {
            rotateIfDue();
            current = keys;
        }
        return current.getFirst();
    }

    /** Public keys for {@code /.well-known/jwks.json}. */
    public JWKSet publicKeys() {
        active();
        return new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
    }

    /** Makes a new signing key now; tokens signed by the previous one stay valid. */
    public synchronized void rotate() {
        store(null);
    }

    synchronized void rotateIfDue() {
        reload();
        if (keys.isEmpty() || isDue(keys.getFirst())) {
            store(clock.instant().minus(rotation));
        }
    }

    /** @param unlessActiveSince keep the active key if it was made after this (by another instance, say) */
    private void store(@Nullable Instant unlessActiveSince) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.ES256)
                    .keyUse(KeyUse.SIGNATURE)
                    .issueTime(java.util.Date.from(clock.instant()))
                    .generate();
            if (repository.replaceActive(
                    key.getKeyID(),
                    cipher.seal(key.toJSONString()),
                    key.toPublicJWK().toJSONString(),
                    unlessActiveSince)) {
                log.info("New token signing key {}", key.getKeyID());
            }
        } catch (JOSEException failure) {
            throw new IllegalStateException("Could not generate a signing key", failure);
        }
        reload();
    }

    private boolean isDue(ECKey key) {
        return key.getIssueTime() == null
                || key.getIssueTime().toInstant().isBefore(clock.instant().minus(rotation));
    }

    private void reload() {
        reloadedAt = clock.instant();
        keys = repository.usable(clock.instant().minus(verifyAfterRetirement)).stream()
                .map(this::open)
                .toList();
    }

    private ECKey open(StoredKey stored) {
        try {
            ECKey key = ECKey.parse(cipher.open(stored.sealedPrivateJwk()));
            return new ECKey.Builder(key)
                    .issueTime(java.util.Date.from(stored.createdAt()))
                    .build();
        } catch (ParseException corrupt) {
            throw new IllegalStateException("Signing key " + stored.kid() + " is unreadable", corrupt);
        }
    }

    /**
     * Verification keys by {@code kid}. A kid this instance has not seen may be one another instance has just made,
     * so it looks once more in the database before saying no.
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(new JWKSet(List.copyOf(keys)));
        String kid = selector.getMatcher().getKeyIDs() == null
                ? null
                : selector.getMatcher().getKeyIDs().stream().findFirst().orElse(null);
        if (found.isEmpty()
                && kid != null
                && reloadedAt.isBefore(clock.instant().minus(RELOAD_AT_MOST_EVERY))) {
            reload();
            found = selector.select(new JWKSet(List.copyOf(keys)));
        }
        return found.stream().map(JWK::toPublicJWK).toList();
    }
}
