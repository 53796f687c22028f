package com.phuketapp.identity.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.ErrorCode;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies the contract's JWTs: ES256 only, signed with the active {@link SigningKeys} key and its
 * {@code kid}, with {@code iss}, {@code aud}, {@code sub}, {@code exp}, {@code iat}, {@code jti}, {@code type}
 * ({@code access} or {@code refresh}) and {@code sid} (the login). A token of one type is never accepted as the other.
 */
public final class Tokens {

    public enum Type {
        ACCESS("access"),
        REFRESH("refresh");

        private final String claim;

        Type(String claim) {
            this.claim = claim;
        }
    }

    /** What a verified token says. */
    public record Verified(UUID userId, UUID sessionId, UUID tokenId, Instant expiresAt) {}

    /** A freshly signed token and what it carries. */
    public record Issued(String token, UUID tokenId, Instant expiresAt) {}

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    private final Map<Type, DefaultJWTProcessor<SecurityContext>> processors = new EnumMap<>(Type.class);

    /**
     * Tokens whose signature and claims were checked already, until they expire (at most {@link #REMEMBER_VERIFIED}):
     * an ES256 verification costs a third of a booking request's CPU, and an app sends the same access token for half
     * an hour. Only the signature check is remembered here; whether the login is still live is asked on every request
     * (of {@link LiveSessions}).
     */
    private final Cache<String, Verified> verified;

    /** About 10 MiB of heap at most. */
    private static final int VERIFIED_TOKENS = 10_000;

    private static final Duration REMEMBER_VERIFIED = Duration.ofMinutes(5);

    public Tokens(SigningKeys keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(VERIFIED_TOKENS)
                .expireAfter(Expiry.<String, Verified>creating((token, checked) -> Duration.ofNanos(Math.max(
                        0,
                        Math.min(
                                REMEMBER_VERIFIED.toNanos(),
                                Duration.between(clock.instant(), checked.expiresAt())
                                        .toNanos())))))
                .build();
        for (Type type : Type.values()) {
            processors.put(type, processor(type));
        }
    }

    public Issued issue(Type type, UUID userId, UUID sessionId, Duration ttl) {
        Instant now = clock.instant();
        UUID tokenId = UUID.randomUUID();
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(tokenId.toString())
                .claim("type", type.claim)
                .claim("sid", sessionId.toString())
                .build();
        ECKey key = keys.active();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException failure) {
            throw new IllegalStateException("Could not sign a token", failure);
        }
        return new Issued(jwt.serialize(), tokenId, expiresAt);
    }

    /**
     * @throws ApiException {@code TOKEN_EXPIRED} for a well-signed token past its {@code exp}, {@code UNAUTHORIZED}
     *     for anything else that is wrong with it (signature, algorithm, issuer, audience, type, format)
     */
    public Verified verify(String token, Type expected) {
        Verified known = verified.getIfPresent(expected.name() + token);
        if (known != null && known.expiresAt().isAfter(clock.instant())) {
            return known;
        }
        Verified checked = check(token, expected);
        verified.put(expected.name() + token, checked);
        return checked;
    }

    private Verified check(String token, Type expected) {
        try {
            JWTClaimsSet verified = processors.get(expected).process(token, null);
            return new Verified(
                    UUID.fromString(verified.getSubject()),
                    UUID.fromString(verified.getStringClaim("sid")),
                    UUID.fromString(verified.getJWTID()),
                    verified.getExpirationTime().toInstant());
        } catch (ExpiredJWTException expired) {
            throw new ApiException(ErrorCode.TOKEN_EXPIRED);
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException malformed) {
            throw new ApiException(ErrorCode.UNAUTHORIZED);
        }
    }

    /** Only ES256 (so never {@code none}), only our issuer and audience, only the expected type. */
    private DefaultJWTProcessor<SecurityContext> processor(Type expected) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .claim("type", expected.claim)
                        .build(),
                Set.of("sub", "exp", "iat", "jti", "sid"));
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }
}
