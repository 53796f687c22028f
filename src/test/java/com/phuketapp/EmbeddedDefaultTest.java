package com.phuketapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.catalog.CatalogApi;
import com.phuketapp.catalog.ItemKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newcomer's first command: with nothing configured the app runs its own PostgreSQL with the sample catalog and
 * an in-process cache, and what it stores survives a restart — signing keys and the generated encryption key too, so
 * a restart logs nobody out.
 */
class EmbeddedDefaultTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void startsWithNothingConfiguredAndKeepsItsDataBetweenRuns(@TempDir Path data) throws Exception {
        UUID deactivated;
        long vehicles;
        String accessToken;
        try (ConfigurableApplicationContext app = start(data)) {
            JsonNode health = get(app, "/health");
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.at("/checks/cache/detail").asString()).isEqualTo("in-process");

            JsonNode list = get(app, "/v1/vehicles?per_page=1");
            vehicles = count(app, "/v1/vehicles");
            assertThat(vehicles).isGreaterThanOrEqualTo(60);
            deactivated = UUID.fromString(list.at("/data/0/id").asString());
            app.getBean(CatalogApi.class).setActive(ItemKind.VEHICLE, deactivated, false);
            accessToken = json.readTree(post(
                                    app,
                                    "/v1/auth/register",
                                    "{\"email\":\"first@example.com\",\"password\":\"phuket-2026\","
                                            + "\"fullName\":\"First\",\"phone\":\"+66 80 000 0000\"}")
                            .body())
                    .at("/data/access_token")
                    .asString();

            // No Stripe, SendGrid or FCM configured: each outside service is in its fallback, and booking works.
            assertThat(health.at("/checks/stripe/detail").asString()).isEqualTo("not configured: fallback in use");
            assertThat(health.at("/checks/sendgrid/status").asString()).isEqualTo("UP");
            String scooter = list.at("/data/0/id").asString().equals(deactivated.toString())
                    ? get(app, "/v1/vehicles?per_page=1").at("/data/0/id").asString()
                    : list.at("/data/0/id").asString();
            java.time.LocalDate start =
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Bangkok")).plusDays(3);
            HttpResponse<String> booked = post(
                    app,
                    "/v1/bookings",
                    "{\"itemType\":\"vehicle\",\"itemId\":\"" + scooter + "\",\"startDate\":\"" + start
                            + "\",\"endDate\":\"" + start.plusDays(1) + "\",\"guestsCount\":1}",
                    "Authorization",
                    "Bearer " + accessToken);
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            assertThat(json.readTree(booked.body()).at("/data/paymentMethod").asString())
                    .isEqualTo("on_arrival");
        }

        try (ConfigurableApplicationContext app = start(data)) {
            assertThat(count(app, "/v1/vehicles")).isEqualTo(vehicles - 1);
            assertThat(status(app, "/v1/vehicles/" + deactivated)).isEqualTo(404);
            JsonNode me = json.readTree(send(app, "/v1/users/me", "Authorization", "Bearer " + accessToken)
                    .body());
            assertThat(me.at("/data/phone").asString())
                    .as("signed in still, data readable")
                    .isEqualTo("+66 80 000 0000");
        }
    }

    /**
     * Boot's logging system is left alone: re-initialising it here would switch the whole test JVM to this mode's
     * plain-text logs and mislead the tests of the production shape's JSON logs that may run later.
     */
    private static ConfigurableApplicationContext start(Path data) {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            return build(data).run();
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }

    private static SpringApplicationBuilder build(Path data) {
        return new SpringApplicationBuilder(PhuketApplication.class)
                .properties(
                        "server.port=0",
                        "management.server.port=0",
                        "phuket.embedded-database.directory=" + data.resolve("postgres"),
                        "phuket.embedded-database.port=0");
    }

    private JsonNode get(ConfigurableApplicationContext app, String path) throws Exception {
        return json.readTree(send(app, path).body());
    }

    private long count(ConfigurableApplicationContext app, String path) throws Exception {
        return Long.parseLong(
                send(app, path).headers().firstValue("X-Total-Count").orElseThrow());
    }

    private int status(ConfigurableApplicationContext app, String path) throws Exception {
        return send(app, path).statusCode();
    }

    private HttpResponse<String> send(ConfigurableApplicationContext app, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(app, path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext app, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(app, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
    }
}
