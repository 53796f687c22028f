package com.phuketapp.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole app over real HTTP, against the run's real PostgreSQL and Redis (see {@link TestInfrastructure}), with the
 * sample catalog loaded — the production shape: external database, Redis cache, JSON logs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=${phuket.test.postgres-url}",
            "spring.datasource.username=postgres",
            "spring.data.redis.url=${phuket.test.redis-url}",
            "SAMPLE_DATA=true",
            "phuket.identity.encryption.keys.test-2026=" + IntegrationTest.ENCRYPTION_KEY,
            "ADMIN_EMAIL=" + IntegrationTest.ADMIN_EMAIL,
            "ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD,
            "TRUSTED_PROXIES=127.0.0.1/32,::1/128",
            // Tests change a dependency's state and read /health right after: no report may outlive the change.
            "phuket.health.report-fresh-for=0s",
            "CORS_ALLOWED_ORIGINS=" + IntegrationTest.WEB_APP_ORIGIN,
            "STRIPE_API_BASE=${phuket.test.stubs-url}",
            "STRIPE_SECRET_KEY=" + IntegrationTest.STRIPE_SECRET_KEY,
            "STRIPE_WEBHOOK_SECRET=" + IntegrationTest.STRIPE_WEBHOOK_SECRET,
            "SENDGRID_API_BASE=${phuket.test.stubs-url}",
            "SENDGRID_API_KEY=SG.test-key",
            "MAIL_FROM=bookings@phuket-app.test",
            "FCM_API_BASE=${phuket.test.stubs-url}",
            "FCM_CREDENTIALS_FILE=${phuket.test.fcm-credentials}",
            // Retries in milliseconds rather than minutes, so that dead letters happen within a test.
            "phuket.jobs.initial-backoff=100ms",
            "phuket.jobs.max-backoff=400ms",
            "phuket.jobs.max-attempts=3",
            "phuket.jobs.polling-interval=500ms"
        })
public abstract class IntegrationTest {

    /** 32 bytes in Base64: the test deployment's key for personal data at rest. */
    protected static final String ENCRYPTION_KEY = "dGVzdC1rZXktZm9yLXBlcnNvbmFsLWRhdGEtMzJieXQ=";

    protected static final String STRIPE_SECRET_KEY = "sk_test_phuket";
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_test_phuket";

    protected static final String WEB_APP_ORIGIN = "https://app.phuket-app.test";

    protected static final String ADMIN_EMAIL = "admin@phuket-app.test";
    protected static final String ADMIN_PASSWORD = "correct horse battery staple";

    static {
        TestInfrastructure.start();
        OutsideServiceStubs.server();
    }

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private tools.jackson.databind.json.JsonMapper json;

    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient users;

    protected Http http;

    /**
     * After a test stopped Redis: waits until every part of the app uses it again (Lettuce reconnects with a backoff),
     * so the tests that follow meet the normal shape.
     */
    protected void awaitHealthy() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> http.get("/health").json().get("status").asString().equals("UP"));
    }

    /**
     * A new admin account, signed in. Tests take admins of their own: an admin's requests are counted per user (the
     * back office's limit, and the traveller's 30 a minute elsewhere), and the one admin of {@code ADMIN_EMAIL} shared
     * by the whole suite ran out of budget on a fast machine.
     */
    protected Accounts.Session newAdmin() {
        Accounts accounts = new Accounts(http);
        Accounts.Session registered = accounts.register();
        users.sql("UPDATE users SET role = 'admin' WHERE id = :id")
                .param("id", java.util.UUID.fromString(registered.userId()))
                .update();
        return Accounts.session(
                registered.email(),
                accounts.login(registered.email(), Accounts.PASSWORD).data());
    }

    /** Phuket's date, asked each time: a class that starts before midnight there may run some tests after it. */
    protected static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Bangkok"));
    }

    /** A GET on the management port (actuator, Prometheus), which the public {@link #http} never reaches. */
    protected Http.Response management(String path) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .GET());
    }

    @BeforeEach
    void connect() {
        http = new Http("http://127.0.0.1:" + port, json);
    }
}
