package com.phuketapp.notification.outbound;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.phuketapp.notification.config.NotificationProperties;
import com.phuketapp.platform.OutsideServices;
import com.phuketapp.platform.PermanentJobFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends push notifications through FCM's HTTP v1 API, behind a circuit breaker. It signs in as the Firebase service
 * account (an RS256-signed JWT exchanged at the account's {@code token_uri} for an OAuth access token, reused until
 * shortly before it expires).
 */
public class FcmPush {

    private static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    /** What FCM made of one message. */
    public enum Result {
        SENT,
        /** The app was uninstalled or the token is no longer valid: forget it. */
        TOKEN_GONE
    }

    private final NotificationProperties properties;
    private final CircuitBreaker breaker;
    private final JsonMapper json;
    private final Clock clock;
    private final RestClient http;
    private @Nullable ServiceAccount account;
    private @Nullable String accessToken;
    private Instant accessTokenExpires = Instant.EPOCH;

    public FcmPush(NotificationProperties properties, CircuitBreaker breaker, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.breaker = breaker;
        this.json = json;
        this.clock = clock;
        this.http = OutsideServices.restClient(
                properties.fcm().apiBase(), properties.connectTimeout(), properties.readTimeout());
    }

    public boolean configured() {
        return properties.fcm().configured();
    }

    /** @param data string pairs the app receives with the message (booking id, event) */
    public Result send(String token, String title, String body, Map<String, String> data) {
        return breaker.executeSupplier(() -> {
            ServiceAccount serviceAccount = account();
            Map<String, Object> message = Map.of(
                    "message",
                    Map.of("token", token, "notification", Map.of("title", title, "body", body), "data", data));
            try {
                http.post()
                        .uri("/v1/projects/{project}/messages:send", serviceAccount.projectId())
                        .header("Authorization", "Bearer " + accessToken(serviceAccount))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(message)
                        .retrieve()
                        .toBodilessEntity();
                return Result.SENT;
            } catch (HttpClientErrorException.NotFound
                    | HttpClientErrorException.BadRequest
                    | HttpClientErrorException.Forbidden refused) {
                if (tokenGone(refused.getResponseBodyAsString())) {
                    return Result.TOKEN_GONE;
                }
                throw new PermanentJobFailure("FCM refused the message: " + refused.getStatusCode());
            } catch (HttpClientErrorException.Unauthorized unauthorized) {
                if (hasErrorCode(details(unauthorized.getResponseBodyAsString()), "THIRD_PARTY_AUTH_ERROR")) {
                    // Apple's or the browser's push service refused the credentials set up in Firebase: our token is
                    // fine, and asking again will not help until someone fixes them there.
                    throw new PermanentJobFailure("FCM could not pass the message on: THIRD_PARTY_AUTH_ERROR");
                }
                accessToken = null;
                throw unauthorized;
            }
        });
    }

    /**
     * Whether FCM's error says the token is no longer valid here: UNREGISTERED (the app was uninstalled),
     * SENDER_ID_MISMATCH (a token of another Firebase project), or INVALID_ARGUMENT over the field
     * {@code message.token}. INVALID_ARGUMENT over anything else is a message of ours FCM cannot take (too large, a bad
     * data key): the device is fine and must not be forgotten.
     */
    private boolean tokenGone(String answer) {
        JsonNode details = details(answer);
        if (hasErrorCode(details, "UNREGISTERED") || hasErrorCode(details, "SENDER_ID_MISMATCH")) {
            return true;
        }
        for (JsonNode detail : details) {
            for (JsonNode violation : detail.path("fieldViolations")) {
                if (violation.path("field").asString("").equals("message.token")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether one of FCM's error details carries {@code errorCode}. */
    private static boolean hasErrorCode(JsonNode details, String errorCode) {
        for (JsonNode detail : details) {
            if (detail.path("errorCode").asString("").equals(errorCode)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode details(String answer) {
        try {
            return json.readTree(answer).at("/error/details");
        } catch (RuntimeException notJson) {
            return json.createArrayNode();
        }
    }

    private synchronized String accessToken(ServiceAccount serviceAccount) {
        Instant now = clock.instant();
        if (accessToken != null && now.isBefore(accessTokenExpires.minus(RENEW_BEFORE))) {
            return accessToken;
        }
        String assertion = assertion(serviceAccount, now);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        form.add("assertion", assertion);
        JsonNode answer = OutsideServices.restClient(
                        serviceAccount.tokenUri(), properties.connectTimeout(), properties.readTimeout())
                .post()
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(JsonNode.class);
        if (answer == null || !answer.hasNonNull("access_token")) {
            throw new IllegalStateException("The token endpoint answered without an access token");
        }
        accessToken = answer.get("access_token").asString();
        accessTokenExpires = now.plusSeconds(answer.path("expires_in").asLong(3600));
        return accessToken;
    }

    private static String assertion(ServiceAccount serviceAccount, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(serviceAccount.clientEmail())
                .audience(serviceAccount.tokenUri())
                .claim("scope", SCOPE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(serviceAccount.privateKey()));
        } catch (JOSEException failure) {
            throw new IllegalStateException("Could not sign the FCM token request", failure);
        }
        return jwt.serialize();
    }

    /** The parts of a Firebase service account key file we use. */
    private record ServiceAccount(String projectId, String clientEmail, String tokenUri, RSAPrivateKey privateKey) {}

    private synchronized ServiceAccount account() {
        if (account == null) {
            account = read(
                    Path.of(java.util.Objects.requireNonNull(properties.fcm().credentialsFile())));
        }
        return account;
    }

    private ServiceAccount read(Path file) {
        try {
            JsonNode key = json.readTree(Files.readString(file));
            String pem = key.get("private_key")
                    .asString()
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new ServiceAccount(
                    key.get("project_id").asString(),
                    key.get("client_email").asString(),
                    key.get("token_uri").asString(),
                    privateKey);
        } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
            throw new PermanentJobFailure("FCM_CREDENTIALS_FILE is unreadable: "
                    + unreadable.getClass().getSimpleName());
        }
    }
}
