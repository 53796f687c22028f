package com.phuketapp.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.phuketapp.booking.domain.BookingSweeper;
import com.phuketapp.support.Accounts;
import com.phuketapp.support.CatalogFixtures;
import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import com.phuketapp.support.OutsideServiceStubs;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Booking events reach travellers by email (SendGrid v3) and push (FCM HTTP v1), through the durable job queue, against
 * a local server speaking both wire formats: delivery, language, retries, dead letters and their replay.
 */
class NotificationHttpTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Scheduler jobs;

    @Autowired
    private BookingSweeper sweeper;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    private final WireMockServer stubs = OutsideServiceStubs.server();
    private Accounts accounts;
    private CatalogFixtures catalog;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(http);
        catalog = new CatalogFixtures(jdbc);
    }

    @Test
    void aBookingIsEmailedAndPushedToTheTravellersDevices() {
        Accounts.Session traveller = accounts.register();
        String device = "fcm-device-" + UUID.randomUUID();
        registerDevice(traveller, device);

        book(traveller, catalog.vehicle(new BigDecimal("400.00"), 2));

        LoggedRequest email = OutsideServiceStubs.awaitOne(mailTo(traveller.email()));
        JsonNode mail = json(email.getBodyAsString());
        assertThat(email.getHeader("Authorization")).isEqualTo("Bearer SG.test-key");
        assertThat(mail.at("/from/email").asString()).isEqualTo("bookings@phuket-app.test");
        assertThat(mail.get("subject").asString()).matches("Booking [2-9A-Z]{5}-[2-9A-Z]{5} received");
        assertThat(mail.at("/content/0/value").asString()).contains("Test scooter", "800.00 THB");

        LoggedRequest push = OutsideServiceStubs.awaitOne(pushTo(device));
        assertThat(push.getHeader("Authorization")).isEqualTo("Bearer test-access-token");
        JsonNode message = json(push.getBodyAsString()).get("message");
        assertThat(message.at("/notification/title").asString())
                .isEqualTo(mail.get("subject").asString());
        assertThat(message.at("/data/event").asString()).isEqualTo("created");
        // The app signed in to Google as the service account, with a JWT assertion.
        assertThat(stubs.findAll(postRequestedFor(urlEqualTo("/token")))).isNotEmpty();
        assertThat(stubs.findAll(postRequestedFor(urlEqualTo("/token")))
                        .getFirst()
                        .getBodyAsString())
                .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer", "assertion=");
    }

    @Test
    void everyStepOfABookingReachesTheTravellersDevice() {
        Accounts.Session traveller = accounts.register();
        String device = "fcm-steps-" + UUID.randomUUID();
        registerDevice(traveller, device);
        UUID scooter = catalog.vehicle(new BigDecimal("400.00"), 2);
        String confirmedThenCancelled = bookingId(traveller, scooter, 9, 11);
        String expiringSoon = bookingId(traveller, scooter, 12, 13);
        String expiredUnseen = bookingId(traveller, scooter, 14, 15);
        // One hold runs out in five minutes, within the reminder; one ran out while nobody swept.
        setHold(expiringSoon, "now() + interval '5 minutes'");
        setHold(expiredUnseen, "now() - interval '1 minute'");
        sweeper.sweep();
        sweeper.sweep(); // a second sweep reminds nobody twice
        Accounts.Session admin = newAdmin();
        assertThat(http.send("POST", "/v1/admin/bookings/" + confirmedThenCancelled + "/confirm", "", admin.bearer())
                        .status())
                .isEqualTo(200);
        assertThat(http.send("POST", "/v1/bookings/" + confirmedThenCancelled + "/cancel", "", traveller.bearer())
                        .status())
                .isEqualTo(200);

        // Jobs run side by side, so one booking's notices may arrive in any order: each says what it is about.
        await().atMost(PATIENCE)
                .until(
                        () -> pushedEvents(device, confirmedThenCancelled),
                        List.of("cancelled", "confirmed", "created")::equals);
        await().atMost(PATIENCE)
                .until(() -> pushedEvents(device, expiringSoon), List.of("created", "expiring")::equals);
        await().atMost(PATIENCE)
                .until(() -> pushedEvents(device, expiredUnseen), List.of("cancelled", "created")::equals);
        JsonNode reminder = await().atMost(PATIENCE)
                .until(
                        () -> stubs.findAll(mailTo(traveller.email())).stream()
                                .map(request -> json(request.getBodyAsString()))
                                .filter(mail -> mail.get("subject").asString().endsWith("expires soon"))
                                .toList(),
                        mails -> mails.size() == 1)
                .getFirst();
        assertThat(reminder.at("/content/0/value").asString()).contains("Pay for Test scooter", "(Phuket time)");
    }

    @Test
    void noticesComeInTheTravellersLanguage() {
        String email = Accounts.newEmail();
        Http.Response registered = http.json(
                "POST",
                "/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD
                        + "\",\"fullName\":\"Иван Петров\",\"locale\":\"ru\"}");
        Accounts.Session traveller = Accounts.session(email, registered.data());

        book(traveller, "tour", catalog.tour(new BigDecimal("1500.00"), 30));

        JsonNode mail = json(OutsideServiceStubs.awaitOne(mailTo(email)).getBodyAsString());
        assertThat(mail.get("subject").asString()).startsWith("Бронирование").endsWith("принято");
        assertThat(mail.at("/content/0/value").asString()).contains("Тестовая экскурсия", "по времени Пхукета");
    }

    @Test
    void aSendThatKeepsFailingIsRetriedThenDeadLetteredAndAnAdminReplaysIt() throws Exception {
        Accounts.Session traveller = accounts.register();
        StubMapping outage = stubs.stubFor(post(urlEqualTo("/v3/mail/send"))
                .withRequestBody(containing(traveller.email()))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        book(traveller, catalog.vehicle(new BigDecimal("500.00"), 2));

        Accounts.Session admin = newAdmin();
        JsonNode letter = await().atMost(PATIENCE).until(() -> deadLetterOf(traveller, admin), found -> found != null);
        assertThat(letter.get("attempts").asInt()).isEqualTo(3);
        assertThat(letter.get("lastError").asString()).contains("503");
        // Push reached the traveller's (no) devices at the first attempt: only email is left to do.
        assertThat(letter.at("/payload/channels").toString()).isEqualTo("[\"email\"]");
        assertThat(stubs.findAll(mailTo(traveller.email()))).hasSize(3);
        // The gauges count at most every five seconds.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        management("/actuator/prometheus").body())
                .containsPattern("phuket_jobs_dead\\{task=\"notification\"[^}]*} [1-9]"));

        stubs.removeStub(outage);
        Http.Response replayed = http.send(
                "POST", "/v1/admin/jobs/dead-letters/" + letter.get("id").asString() + "/replay", "", admin.bearer());
        assertThat(replayed.status()).isEqualTo(202);
        await().atMost(PATIENCE)
                .until(() -> stubs.findAll(mailTo(traveller.email())).size() == 4);
        assertThat(deadLetterOf(traveller, admin)).isNull();
        assertThat(http.send("POST", "/v1/admin/jobs/dead-letters/" + UUID.randomUUID() + "/replay", "", admin.bearer())
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/v1/admin/jobs/dead-letters", traveller.bearer()).status())
                .isEqualTo(403);

        // A letter of a job this release no longer has stays, refused with a reason rather than a 500.
        UUID retired = jdbc.sql("INSERT INTO dead_letter_jobs (job, payload, attempts, last_error)"
                        + " VALUES ('retired-job', '{}', 8, 'gone') RETURNING id")
                .query(UUID.class)
                .single();
        Http.Response notReplayable =
                http.send("POST", "/v1/admin/jobs/dead-letters/" + retired + "/replay", "", admin.bearer());
        assertThat(notReplayable.status()).isEqualTo(409);
        assertThat(notReplayable.json().at("/error/code").asString()).isEqualTo("CONFLICT");
        assertThat(jdbc.sql("SELECT count(*) FROM dead_letter_jobs WHERE id = :id")
                        .param("id", retired)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRefusedMessageIsDeadLetteredAtOnceAndAGoneDeviceIsForgotten() {
        Accounts.Session traveller = accounts.register();
        String gone = "fcm-uninstalled-" + UUID.randomUUID();
        registerDevice(traveller, gone);
        fcmAnswers(
                gone,
                404,
                "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\","
                        + "\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":"
                        + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                        + "\"errorCode\":\"UNREGISTERED\"}]}}");
        stubs.stubFor(post(urlEqualTo("/v3/mail/send"))
                .withRequestBody(containing(traveller.email()))
                .atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody("{\"errors\":[{\"message\":\"bad\"}]}")));

        book(traveller, catalog.vehicle(new BigDecimal("450.00"), 2));

        await().atMost(PATIENCE).until(() -> http.get("/v1/users/me/export", traveller.bearer())
                .data()
                .get("devices")
                .isEmpty());
        Accounts.Session admin = newAdmin();
        JsonNode letter = await().atMost(PATIENCE).until(() -> deadLetterOf(traveller, admin), found -> found != null);
        assertThat(letter.get("attempts").asInt()).isEqualTo(1);
        assertThat(stubs.findAll(mailTo(traveller.email()))).hasSize(1);
    }

    @Test
    void everyDeviceIsTriedWhateverBefellTheOneBeforeAndAnotherProjectsTokenIsForgotten() {
        Accounts.Session traveller = accounts.register();
        String unwell = "fcm-unwell-" + UUID.randomUUID();
        String foreign = "fcm-foreign-" + UUID.randomUUID();
        String fine = "fcm-fine-" + UUID.randomUUID();
        // Earlier tests' outages may have left FCM's circuit near opening: the unwell device must not be what opens it.
        circuitBreakers.circuitBreaker("fcm").reset();
        registerDevice(traveller, unwell); // tried first
        registerDevice(traveller, foreign);
        registerDevice(traveller, fine);
        StubMapping unwellAnswer = fcmAnswers(
                unwell,
                503,
                "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\","
                        + "\"status\":\"UNAVAILABLE\"}}");
        StubMapping foreignAnswer = fcmAnswers(
                foreign,
                403,
                "{\"error\":{\"code\":403,\"message\":\"SenderId mismatch\",\"status\":\"PERMISSION_DENIED\","
                        + "\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                        + "\"errorCode\":\"SENDER_ID_MISMATCH\"}]}}");
        try {
            book(traveller, catalog.vehicle(new BigDecimal("480.00"), 2));

            OutsideServiceStubs.awaitOne(pushTo(fine));
            await().atMost(PATIENCE).until(() -> !http.get("/v1/users/me/export", traveller.bearer())
                    .data()
                    .get("devices")
                    .toString()
                    .contains(foreign));
        } finally {
            // The unwell device recovers, so that the notice's retries stop failing in the circuit of later tests.
            stubs.removeStub(unwellAnswer);
            stubs.removeStub(foreignAnswer);
            circuitBreakers.circuitBreaker("fcm").reset();
        }
    }

    @Test
    void emailsRefusedForARevokedKeyAreRetriedNotDeadLettered() {
        Accounts.Session traveller = accounts.register();
        StubMapping revoked = stubs.stubFor(post(urlEqualTo("/v3/mail/send"))
                .withRequestBody(containing(traveller.email()))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"message\":\"The provided authorization grant is invalid,"
                                + " expired, or revoked\",\"field\":null,\"help\":null}]}")));
        try {
            book(traveller, catalog.vehicle(new BigDecimal("490.00"), 2));

            OutsideServiceStubs.awaitOne(mailTo(traveller.email()));
            // Still owed once the key is fixed: queued for its next attempt, not a dead letter.
            await().atMost(PATIENCE)
                    .until(() -> jdbc.sql("SELECT count(*) FROM scheduled_tasks"
                                            + " WHERE task_name = 'notification' AND NOT picked AND consecutive_failures > 0"
                                            + " AND position(:user IN convert_from(task_data, 'UTF8')) > 0")
                                    .param("user", traveller.userId())
                                    .query(Long.class)
                                    .single()
                            == 1);
            assertThat(deadLetterOf(traveller, newAdmin())).isNull();
        } finally {
            stubs.removeStub(revoked);
            circuitBreakers.circuitBreaker("sendgrid").reset(); // its failures are this test's, not the next one's
        }
    }

    @Test
    void anAdminReplaysEveryDeadLetterOfAJobAtOnce() {
        Accounts.Session first = accounts.register();
        Accounts.Session second = accounts.register();
        List<StubMapping> refusals = java.util.stream.Stream.of(first, second)
                .map(traveller -> stubs.stubFor(post(urlEqualTo("/v3/mail/send"))
                        .withRequestBody(containing(traveller.email()))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(400).withBody("{\"errors\":[{\"message\":\"bad\"}]}"))))
                .toList();
        book(first, catalog.vehicle(new BigDecimal("495.00"), 2));
        book(second, catalog.vehicle(new BigDecimal("496.00"), 2));
        Accounts.Session admin = newAdmin();
        await().atMost(PATIENCE).until(() -> deadLetterOf(first, admin) != null && deadLetterOf(second, admin) != null);
        refusals.forEach(stubs::removeStub);

        Http.Response replayed =
                http.send("POST", "/v1/admin/jobs/dead-letters/replay?job=notification", "", admin.bearer());
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.data().get("replayed").asInt()).isGreaterThanOrEqualTo(2);
        await().atMost(PATIENCE)
                .until(() -> stubs.findAll(mailTo(first.email())).size() == 2
                        && stubs.findAll(mailTo(second.email())).size() == 2);
        assertThat(deadLetterOf(first, admin)).isNull();
        assertThat(http.send("POST", "/v1/admin/jobs/dead-letters/replay?job=no-such-job", "", admin.bearer())
                        .json()
                        .at("/error/details/0/field")
                        .asString())
                .isEqualTo("job");
        assertThat(http.send("POST", "/v1/admin/jobs/dead-letters/replay?job=notification", "", first.bearer())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aNoticeWhosePayloadThisReleaseCannotReadBecomesADeadLetter() {
        String marker = "not-a-uuid-" + UUID.randomUUID();
        // Queued by an older release whose notice had another shape.
        jdbc.sql("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)"
                        + " VALUES ('notification', :instance, convert_to(:payload, 'UTF8'), now(), false, 1)")
                .param("instance", UUID.randomUUID().toString())
                .param("payload", "{\"userId\":\"" + marker + "\"}")
                .update();

        Accounts.Session admin = newAdmin();
        JsonNode letter = await().atMost(PATIENCE)
                .until(
                        () -> http.get("/v1/admin/jobs/dead-letters?job=notification&per_page=100", admin.bearer())
                                .data()
                                .valueStream()
                                .filter(dead -> dead.get("payload").toString().contains(marker))
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
        assertThat(letter.get("payload").isString())
                .as("kept as the text it was")
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE position(:marker IN"
                                + " convert_from(task_data, 'UTF8')) > 0")
                        .param("marker", marker)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(http.send(
                                "POST",
                                "/v1/admin/jobs/dead-letters/"
                                        + letter.get("id").asString() + "/replay",
                                "",
                                admin.bearer())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void onlyAnInvalidTokenMakesADeviceForgottenNotAnInvalidMessage() {
        Accounts.Session withBadToken = accounts.register();
        String badToken = "fcm-bad-token-" + UUID.randomUUID();
        registerDevice(withBadToken, badToken);
        Accounts.Session withBadMessage = accounts.register();
        String fine = "fcm-fine-" + UUID.randomUUID();
        registerDevice(withBadMessage, fine);
        refusePush(badToken, "message.token", "Invalid registration token");
        refusePush(fine, "message.data", "Invalid data payload key");

        book(withBadToken, catalog.vehicle(new BigDecimal("460.00"), 2));
        book(withBadMessage, catalog.vehicle(new BigDecimal("470.00"), 2));

        await().atMost(PATIENCE).until(() -> devicesOf(withBadToken).isEmpty());
        Accounts.Session admin = newAdmin();
        JsonNode letter =
                await().atMost(PATIENCE).until(() -> deadLetterOf(withBadMessage, admin), found -> found != null);
        assertThat(letter.get("attempts").asInt()).isEqualTo(1);
        assertThat(devicesOf(withBadMessage)).hasSize(1);
    }

    @Test
    void aPushThatKeepsFailingIsRetriedThenDeadLettered() {
        Accounts.Session traveller = accounts.register();
        String device = "fcm-flaky-" + UUID.randomUUID();
        registerDevice(traveller, device);
        fcmAnswers(device, 503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}");

        book(traveller, catalog.vehicle(new BigDecimal("350.00"), 2));

        Accounts.Session admin = newAdmin();
        JsonNode letter = await().atMost(PATIENCE)
                .until(() -> deadLetterOf(traveller, admin, "notification"), found -> found != null);
        assertThat(letter.get("attempts").asInt()).isEqualTo(3);
        assertThat(stubs.findAll(pushTo(device))).hasSize(3);
        assertThat(letter.at("/payload/channels").toString()).isEqualTo("[\"push\"]");
        // Email went out once all the same: a retry goes only where the notice has not arrived.
        assertThat(stubs.findAll(mailTo(traveller.email()))).hasSize(1);
    }

    @Test
    void aQueuedNoticeIsWrittenWithTheBookingAndSurvivesUntilSomeoneSendsIt() {
        Accounts.Session traveller = accounts.register();
        UUID scooter = catalog.vehicle(new BigDecimal("300.00"), 2);
        jobs.pause();
        try {
            book(traveller, scooter);
            // Committed with the booking, not yet sent: what a crash right after the commit would leave behind.
            assertThat(queuedFor(traveller)).isEqualTo(1);
            assertThat(stubs.findAll(mailTo(traveller.email()))).isEmpty();

            // A refused booking rolls back, and its notices with it.
            Http.Response refused = http.json("POST", "/v1/bookings", body("vehicle", scooter), traveller.bearer());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(queuedFor(traveller)).isEqualTo(1);
        } finally {
            jobs.resume();
        }
        OutsideServiceStubs.awaitOne(mailTo(traveller.email()));
        await().atMost(PATIENCE).until(() -> queuedFor(traveller) == 0);
    }

    @Test
    void aNoticeAnInstanceCrashedWhileSendingIsSentByAnother() {
        Accounts.Session traveller = accounts.register();
        jobs.pause();
        try {
            book(traveller, catalog.vehicle(new BigDecimal("310.00"), 2));
            // Another instance picked the notice, then crashed: its last heartbeat was two minutes ago.
            assertThat(jdbc.sql("UPDATE scheduled_tasks SET picked = true, picked_by = 'crashed-instance',"
                                    + " last_heartbeat = now() - interval '2 minutes', version = version + 1"
                                    + " WHERE task_name = 'notification' AND position(:user IN"
                                    + " convert_from(task_data, 'UTF8')) > 0")
                            .param("user", traveller.userId())
                            .update())
                    .isEqualTo(1);
        } finally {
            jobs.resume();
        }
        // Four missed heartbeats (a minute) make it abandoned: this instance revives and sends it.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> !stubs.findAll(mailTo(traveller.email())).isEmpty());
    }

    private void book(Accounts.Session traveller, UUID item) {
        book(traveller, "vehicle", item);
    }

    private void book(Accounts.Session traveller, String kind, UUID item) {
        Http.Response booked = http.json("POST", "/v1/bookings", body(kind, item), traveller.bearer());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    }

    /** Nine to eleven days ahead; a tour takes the first day. */
    private static String body(String kind, UUID item) {
        String end = kind.equals("tour") ? "" : ",\"endDate\":\"" + today().plusDays(11) + "\"";
        return "{\"itemType\":\"%s\",\"itemId\":\"%s\",\"startDate\":\"%s\"%s,\"guestsCount\":1}"
                .formatted(kind, item, today().plusDays(9), end);
    }

    private String bookingId(Accounts.Session traveller, UUID item, int fromDay, int toDay) {
        Http.Response booked = http.json(
                "POST",
                "/v1/bookings",
                "{\"itemType\":\"vehicle\",\"itemId\":\"%s\",\"startDate\":\"%s\",\"endDate\":\"%s\",\"guestsCount\":1}"
                        .formatted(item, today().plusDays(fromDay), today().plusDays(toDay)),
                traveller.bearer());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.data().get("id").asString();
    }

    private void setHold(String bookingId, String expiresAt) {
        jdbc.sql("UPDATE bookings SET hold_expires_at = " + expiresAt + " WHERE id = :id")
                .param("id", UUID.fromString(bookingId))
                .update();
    }

    /** The events pushed to the device about the booking, in alphabetical order. */
    private List<String> pushedEvents(String device, String bookingId) {
        return stubs.findAll(pushTo(device)).stream()
                .map(request -> json(request.getBodyAsString()).get("message").get("data"))
                .filter(data -> data.path("bookingId").asString("").equals(bookingId))
                .map(data -> data.get("event").asString())
                .sorted()
                .toList();
    }

    /** FCM answers every message to the device with {@code status} and this error body. */
    private StubMapping fcmAnswers(String device, int status, String body) {
        return stubs.stubFor(post(urlPathMatching("/v1/projects/.*/messages:send"))
                .withRequestBody(containing(device))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    /** FCM's answer to a message it cannot take: INVALID_ARGUMENT over {@code field}. */
    private void refusePush(String device, String field, String description) {
        fcmAnswers(
                device,
                400,
                "{\"error\":{\"code\":400,\"message\":\"" + description + "\","
                        + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                        + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                        + "\"errorCode\":\"INVALID_ARGUMENT\"},{\"@type\":"
                        + "\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[{\"field\":"
                        + "\"" + field + "\",\"description\":\"" + description + "\"}]}]}}");
    }

    private JsonNode devicesOf(Accounts.Session traveller) {
        return http.get("/v1/users/me/export", traveller.bearer()).data().get("devices");
    }

    private void registerDevice(Accounts.Session traveller, String token) {
        Http.Response registered = http.json(
                "POST",
                "/v1/users/me/devices",
                "{\"token\":\"" + token + "\",\"platform\":\"ios\"}",
                traveller.bearer());
        assertThat(registered.status()).isEqualTo(201);
    }

    private com.github.tomakehurst.wiremock.matching.RequestPatternBuilder mailTo(String email) {
        return postRequestedFor(urlEqualTo("/v3/mail/send")).withRequestBody(containing(email));
    }

    private com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pushTo(String token) {
        return postRequestedFor(urlPathMatching("/v1/projects/" + OutsideServiceStubs.FCM_PROJECT + "/messages:send"))
                .withRequestBody(containing(token));
    }

    private JsonNode deadLetterOf(Accounts.Session traveller, Accounts.Session admin) {
        return deadLetterOf(traveller, admin, "notification");
    }

    private JsonNode deadLetterOf(Accounts.Session traveller, Accounts.Session admin, String job) {
        for (JsonNode letter : http.get("/v1/admin/jobs/dead-letters?job=" + job + "&per_page=100", admin.bearer())
                .data()) {
            if (letter.at("/payload/userId").asString().equals(traveller.userId())) {
                return letter;
            }
        }
        return null;
    }

    private long queuedFor(Accounts.Session traveller) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE convert_from(task_data, 'UTF8') LIKE :user")
                .param("user", "%" + traveller.userId() + "%")
                .query(Long.class)
                .single();
    }

    private JsonNode json(String body) {
        return http.get("/health").mapper().readTree(body);
    }
}
