package com.phuketapp.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.support.Accounts;
import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conventions every endpoint inherits, seen from a client over real HTTP. Its probe endpoints make a context of
 * its own, closed after the class: left cached, its job scheduler would go on running the jobs other classes queue in
 * the run's database, also while a test holds its own context's scheduler paused.
 */
@Import(PlatformHttpTest.ProbeController.class)
@DirtiesContext
class PlatformHttpTest extends IntegrationTest {

    @Autowired
    private ServletWebServerApplicationContext context;

    @Autowired
    private DataSource dataSource;

    /** Stands in for the feature endpoints that take JSON bodies, and for a bug that throws. */
    @RestController
    static class ProbeController {

        record Signup(@NotBlank @Email String email, @NotBlank String fullName, @Max(10) int guests) {}

        @PostMapping("/v1/test-probe")
        Map<String, Object> accept(@Valid @RequestBody Signup signup) {
            return Map.of("email", signup.email());
        }

        @GetMapping("/v1/test-probe/bug")
        String bug() {
            throw new IllegalStateException("SELECT secret FROM users at com.phuketapp.Internal");
        }
    }

    @Test
    void tomcatWorksOnABoundedNumberOfRequestsAtOnce() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();

        assertThat(server.getTomcat().getConnector().getProtocolHandler().getExecutor())
                .isInstanceOf(RequestConcurrencyConfig.BoundedExecutor.class);
    }

    @Test
    void successBodyIsEnvelopedWithRequestIdAndTimestamp() {
        Http.Response response = http.get("/v1/areas");

        assertThat(response.status()).isEqualTo(200);
        JsonNode meta = response.json().get("meta");
        assertThat(meta.get("requestId").asString())
                .isEqualTo(response.header("X-Request-ID").orElseThrow());
        assertThat(meta.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(response.data().isArray()).isTrue();
    }

    @Test
    void echoesASaneRequestIdAndReplacesAnInsaneOne() {
        assertThat(http.get("/v1/areas", "X-Request-ID", "ios-7f3a.2_b").header("X-Request-ID"))
                .contains("ios-7f3a.2_b");

        for (String insane : new String[] {"a".repeat(65), "has space", "<script>", "a/b", "x;drop"}) {
            Http.Response response = http.get("/v1/areas", "X-Request-ID", insane);
            String id = response.header("X-Request-ID").orElseThrow();
            assertThat(id).isNotEqualTo(insane).matches("[A-Za-z0-9._-]{1,64}");
            assertThat(response.json().get("meta").get("requestId").asString()).isEqualTo(id);
        }
    }

    @Test
    void unknownPathIsA404Envelope() {
        Http.Response response = http.get("/v1/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertError(response, "NOT_FOUND");
    }

    @Test
    void wrongMethodIsA405Envelope() {
        Http.Response response = http.send("DELETE", "/v1/vehicles", "");

        assertThat(response.status()).isEqualTo(405);
        assertError(response, "METHOD_NOT_ALLOWED");
    }

    @Test
    void wrongMediaTypeIsA415Envelope() {
        Http.Response response = http.send("POST", "/v1/test-probe", "email=a@b.c", "Content-Type", "text/plain");

        assertThat(response.status()).isEqualTo(415);
        assertError(response, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void malformedJsonIsA400Envelope() {
        Http.Response response =
                http.send("POST", "/v1/test-probe", "{\"email\": ", "Content-Type", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertError(response, "VALIDATION_ERROR");
        assertThat(response.json().at("/error/details/0/field").asString()).isEqualTo("body");
    }

    @Test
    void typeMismatchInTheBodyNamesTheField() {
        Http.Response response = http.send(
                "POST",
                "/v1/test-probe",
                "{\"email\":\"a@b.co\",\"fullName\":\"A\",\"guests\":\"many\"}",
                "Content-Type",
                "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/details/0/field").asString()).isEqualTo("guests");
    }

    @Test
    void validationDetailsNameEachFieldInTheCallersLanguage() {
        String body = "{\"email\":\"not-an-email\",\"fullName\":\"\",\"guests\":11}";

        Http.Response english = http.send("POST", "/v1/test-probe", body, "Content-Type", "application/json");
        Http.Response russian = http.send(
                "POST", "/v1/test-probe", body, "Content-Type", "application/json", "Accept-Language", "ru-RU");

        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().at("/error/details").valueStream().map(d -> d.get("field")
                        .asString()))
                .containsExactlyInAnyOrder("email", "fullName", "guests");
        assertThat(english.json().at("/error/message").asString()).isEqualTo("The request is invalid.");
        assertThat(russian.json().at("/error/message").asString()).isEqualTo("Некорректный запрос.");
        assertThat(russian.json().at("/error/details").valueStream().map(d -> d.get("message")
                        .asString()))
                .allSatisfy(message -> assertThat(message).containsPattern("[а-яА-Я]"));
    }

    @Test
    void bodyOverTheLimitIsA413Envelope() {
        String big = "{\"email\":\"a@b.co\",\"fullName\":\"" + "x".repeat(300 * 1024) + "\",\"guests\":1}";

        Http.Response declared = http.send("POST", "/v1/test-probe", big, "Content-Type", "application/json");
        Http.Response chunked = http.send(http.request("/v1/test-probe", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes())))); // no length: chunked

        for (Http.Response response : new Http.Response[] {declared, chunked}) {
            assertThat(response.status()).isEqualTo(413);
            assertError(response, "PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void unexpectedFailureIsAGeneric500WithoutInternals() {
        Http.Response response = http.get("/v1/test-probe/bug");

        assertThat(response.status()).isEqualTo(500);
        assertError(response, "INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("SELECT", "IllegalState", "com.phuketapp", "Exception");
    }

    @Test
    void withEveryDatabaseConnectionTakenRequestsAnswer503() throws Exception {
        Accounts.Session traveller = new Accounts(http).register();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }
            Http.Response response = http.get("/v1/vehicles/" + UUID.randomUUID());

            assertThat(response.status()).isEqualTo(503);
            assertError(response, "SERVICE_UNAVAILABLE");
            // The same where a transaction cannot begin.
            assertError(new Accounts(http).refresh(traveller.refreshToken()), "SERVICE_UNAVAILABLE");
            // Busy is not down: the health check has a connection of its own, so the instance stays in service.
            assertThat(http.get("/health/ready").status()).isEqualTo(200);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(http.get("/v1/vehicles/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void valuesPostgresqlCannotStoreAreA400NotA500() {
        assertError(http.get("/v1/search?q=beach%00"), "VALIDATION_ERROR");
        assertError(http.get("/v1/tours?date=%2B9999999-01-01"), "VALIDATION_ERROR");
        assertError(
                http.json("POST", "/v1/auth/login", "{\"email\":\"a\\u0000@example.com\",\"password\":\"x\"}"),
                "VALIDATION_ERROR");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (Http.Response response :
                new Http.Response[] {http.get("/v1/vehicles"), http.get("/v1/nope"), http.get("/health")}) {
            assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.header("X-Frame-Options")).contains("DENY");
            assertThat(response.header("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
            assertThat(response.header("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void hstsIsSentBehindATlsTerminatingProxy() {
        Http.Response response = http.get("/v1/areas", "X-Forwarded-Proto", "https");

        assertThat(response.header("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");
    }

    @Test
    void cacheControlIsChosenPerRoute() {
        assertThat(http.get("/v1/vehicles").header("Cache-Control")).contains("public, max-age=300");
        assertThat(http.get("/health").header("Cache-Control")).contains("no-store");
        assertThat(http.get("/v1/vehicles?page=0").header("Cache-Control").orElseThrow())
                .contains("no-store");
    }

    @Test
    void healthListsEachDependencyWithStateAndLatency() {
        Http.Response response = http.get("/health");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("UP");
        for (String dependency : new String[] {"database", "cache"}) {
            JsonNode check = body.get("checks").get(dependency);
            assertThat(check.get("status").asString()).isEqualTo("UP");
            assertThat(check.get("latencyMs").isNumber()).isTrue();
        }
        assertThat(body.at("/checks/cache/detail").asString()).isEqualTo("redis");
        assertThat(http.get("/health/live").status()).isEqualTo(200);
        assertThat(http.get("/health/ready").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreOnTheManagementPortOnly() {
        http.get("/v1/vehicles");
        Http.Response metrics = management("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_bucket");
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(404);
        // The liveness probe an orchestrator should use (README, Operations): out of the public port's queue.
        Http.Response liveness = management("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"UP\"");
    }

    /**
     * The alerts (ops/prometheus/alerts.yml) and the dashboard (ops/grafana) select the app's metrics by the scrape
     * job {@code phuket-backend}: each metric they read that way must be one the app exports, or a renamed metric
     * would silence its alert.
     */
    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExported() throws IOException {
        http.get("/v1/vehicles");
        String exported = management("/actuator/prometheus").body();
        StringBuilder queries = new StringBuilder(Files.readString(Path.of("ops/prometheus/alerts.yml")));
        JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of("ops/grafana/phuket-backend.json")))
                .findValuesAsString("expr")
                .forEach(query -> queries.append('\n').append(query));
        Set<String> read = new TreeSet<>();
        Matcher metric =
                Pattern.compile("([a-z_][a-z0-9_]*)\\{job=\"phuket-backend\"").matcher(queries);
        while (metric.find()) {
            read.add(metric.group(1));
        }
        read.remove("up"); // Prometheus's own: whether the scrape answered

        assertThat(read)
                .contains(
                        "phuket_jobs_dead",
                        "http_server_requests_seconds_bucket",
                        "hikaricp_connections_timeout_total");
        assertThat(read).allSatisfy(name -> assertThat(exported).containsPattern("(?m)^" + name + "[{ ]"));
    }

    @Test
    void openApiDescriptionAndInteractiveUiAreServed() {
        Http.Response description = http.get("/v1/openapi.json");

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.json().get("openapi").asString()).startsWith("3.");
        assertThat(description.json().get("paths").has("/v1/vehicles")).isTrue();
        assertThat(description
                        .json()
                        .at("/paths/~1v1~1vehicles/get/responses/200/content")
                        .findValuesAsString("$ref"))
                .as("lists are written from pre-rendered JSON, yet documented by their views")
                .containsExactly("#/components/schemas/VehicleView");
        Http.Response entry = http.get("/v1/docs");
        assertThat(entry.status()).isEqualTo(302);
        Http.Response ui = http.get(entry.header("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    static void assertError(Http.Response response, String code) {
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("details").isArray()).isTrue();
        assertThat(response.json().at("/meta/requestId").asString()).isNotBlank();
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
    }
}
