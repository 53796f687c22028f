package com.phuketapp.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.phuketapp.booking.domain.BookingSweeper;
import com.phuketapp.support.Accounts;
import com.phuketapp.support.CatalogFixtures;
import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import com.phuketapp.support.OutsideServiceStubs;
import com.phuketapp.support.StripeWebhooks;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Card payments against a local server speaking Stripe's API: payment intents with idempotency keys, signed webhooks
 * (valid, forged, stale, repeated), refunds, and the pay-on-arrival fallback while Stripe is unavailable.
 */
class PaymentHttpTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @Autowired
    private BookingSweeper sweeper;

    private final WireMockServer stubs = OutsideServiceStubs.server();
    private Accounts accounts;
    private CatalogFixtures catalog;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(http);
        catalog = new CatalogFixtures(jdbc);
    }

    @Test
    void aBookingStartsAStripePaymentOnceWhateverTheRetries() {
        Accounts.Session traveller = accounts.register();
        JsonNode booking = book(traveller, catalog.vehicle(new BigDecimal("350.50"), 2), 30, 33);

        assertThat(booking.get("paymentMethod").asString()).isEqualTo("card");
        assertThat(booking.at("/payment/provider").asString()).isEqualTo("stripe");
        assertThat(booking.at("/payment/clientSecret").asString()).startsWith("pi_secret_");
        String id = booking.get("id").asString();
        LoggedRequest created = intentsFor(id).getFirst();
        assertThat(created.getHeader("Authorization")).isEqualTo("Bearer " + STRIPE_SECRET_KEY);
        assertThat(created.getHeader("Idempotency-Key")).isEqualTo("booking-" + id);
        assertThat(created.getBodyAsString()).contains("amount=105150", "currency=thb", "phuket-app-backend");

        // Asking again (the app lost the secret) reuses the idempotency key: Stripe answers with the same payment.
        Http.Response again = http.send("POST", "/v1/bookings/" + id + "/payment", "", traveller.bearer());
        assertThat(again.data().at("/payment/clientSecret").asString()).isNotBlank();
        assertThat(intentsFor(id)).hasSize(2).allMatch(request -> request.getHeader("Idempotency-Key")
                .equals("booking-" + id));

        // Once the hold has run out (before the sweeper has cancelled it) there is nothing left to pay for.
        jdbc.sql("UPDATE bookings SET hold_expires_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", UUID.fromString(id))
                .update();
        Http.Response late = http.send("POST", "/v1/bookings/" + id + "/payment", "", traveller.bearer());
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.data().get("payment")).isNull();
        assertThat(intentsFor(id)).hasSize(2);
    }

    @Test
    void aPaymentAnotherRequestIsStartingKeepsTheBookingACardPayment() {
        Accounts.Session traveller = accounts.register();
        // Stripe's answer while another request with the same idempotency key is in flight (a double tap); this
        // amount is the stub's signal.
        StubMapping inFlight = stubs.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .withRequestBody(containing("amount=66600"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"idempotency_error\",\"message\":\"There is currently"
                                + " another in-progress request using this Stripe-Idempotency-Key, please try again"
                                + " later.\"}}")));
        JsonNode booking;
        try {
            booking = book(traveller, catalog.vehicle(new BigDecimal("666.00"), 2), 27, 28);
        } finally {
            stubs.removeStub(inFlight);
        }
        assertThat(booking.get("paymentMethod").asString()).isEqualTo("card");
        assertThat(booking.get("payment")).isNull();

        // The other request has its answer by now: asking again gets the payment, still by card.
        JsonNode again = http.send(
                        "POST", "/v1/bookings/" + booking.get("id").asString() + "/payment", "", traveller.bearer())
                .data();
        assertThat(again.get("paymentMethod").asString()).isEqualTo("card");
        assertThat(again.at("/payment/clientSecret").asString()).startsWith("pi_secret_");
    }

    @Test
    void aSignedSuccessConfirmsTheBookingAndARepeatOfTheEventChangesNothing() {
        Accounts.Session traveller = accounts.register();
        JsonNode booking = book(traveller, catalog.vehicle(new BigDecimal("400.00"), 2), 20, 22);
        String id = booking.get("id").asString();
        String event = succeeded("evt_" + UUID.randomUUID(), "pi_" + id.substring(0, 8), id, 80000);

        Http.Response first = webhook(event, StripeWebhooks.sign(event, Instant.now()));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data().get("new").asBoolean()).isTrue();
        JsonNode confirmed = http.get("/v1/bookings/" + id, traveller.bearer()).data();
        assertThat(confirmed.get("status").asString()).isEqualTo("confirmed");
        assertThat(confirmed.get("amountPaid").asString()).isEqualTo("800.00");

        Http.Response repeat = webhook(event, StripeWebhooks.sign(event, Instant.now()));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.data().get("new").asBoolean()).isFalse();
        assertThat(http.get("/v1/bookings/" + id, traveller.bearer())
                        .data()
                        .get("amountPaid")
                        .asString())
                .isEqualTo("800.00");
        assertThat(stubs.findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                        .withRequestBody(containing("pi_" + id.substring(0, 8)))))
                .isEmpty();
    }

    @Test
    void forgedStaleOrUnsignedEventsAreRefusedAndChangeNothing() {
        Accounts.Session traveller = accounts.register();
        String id = book(traveller, catalog.vehicle(new BigDecimal("300.00"), 2), 20, 21)
                .get("id")
                .asString();
        String event = succeeded("evt_" + UUID.randomUUID(), "pi_forged", id, 30000);

        String tampered = event.replace("30000", "30001");
        assertThat(webhook(tampered, StripeWebhooks.sign(event, Instant.now())).status())
                .isEqualTo(400);
        assertThat(webhook(event, StripeWebhooks.sign(event, Instant.now().minus(Duration.ofMinutes(6))))
                        .status())
                .isEqualTo(400);
        assertThat(webhook(event, "t=" + Instant.now().getEpochSecond() + ",v1=" + "00".repeat(32))
                        .status())
                .isEqualTo(400);
        Http.Response unsigned = http.json("POST", "/v1/payments/stripe/webhook", event);
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.json().at("/error/details/0/field").asString()).isEqualTo("Stripe-Signature");

        assertThat(http.get("/v1/bookings/" + id, traveller.bearer())
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("pending");
        // A refused delivery is not remembered: the genuine event still goes through later.
        assertThat(webhook(event, StripeWebhooks.sign(event, Instant.now()))
                        .data()
                        .get("new")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void paymentsThisAppDidNotStartAreLeftAlone() {
        Accounts.Session traveller = accounts.register();
        String id = book(traveller, catalog.vehicle(new BigDecimal("410.00"), 2), 22, 23)
                .get("id")
                .asString();
        // A sibling product on the same Stripe account, whose reference happens to be one of our booking ids.
        String paymentId = "pi_sibling_" + id.substring(0, 8);
        String event = succeeded("evt_" + UUID.randomUUID(), paymentId, id, 41000)
                .replace(",\"source\":\"phuket-app-backend\"", "");
        deliver(event);
        assertThat(http.get("/v1/bookings/" + id, traveller.bearer())
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("pending");
        assertThat(refundJobsMentioning(paymentId)).isZero();
    }

    @Test
    void aFailedPaymentLeavesTheBookingPending() {
        Accounts.Session traveller = accounts.register();
        String id = book(traveller, catalog.vehicle(new BigDecimal("300.00"), 2), 20, 21)
                .get("id")
                .asString();
        String event =
                """
                {"id":"evt_%s","object":"event","type":"payment_intent.payment_failed","data":{"object":
                {"id":"pi_declined","object":"payment_intent","amount":30000,"currency":"thb",
                 "metadata":{"reference":"%s","source":"phuket-app-backend"},
                 "last_payment_error":{"message":"Your card was declined."}}}}"""
                        .formatted(UUID.randomUUID(), id);

        deliver(event);
        assertThat(http.get("/v1/bookings/" + id, traveller.bearer())
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("pending");
    }

    @Test
    void cancellingAPaidBookingRefundsWhatThePolicyGivesBackThroughStripe() {
        Accounts.Session traveller = accounts.register();
        UUID villa = catalog.property(new BigDecimal("2000.00"), 4, 1, 30);
        String early = paidBooking(
                traveller,
                villa,
                40,
                42,
                "pi_early_" + UUID.randomUUID().toString().substring(0, 8));
        String latePayment = "pi_late_" + UUID.randomUUID().toString().substring(0, 8);
        String late = paidBooking(traveller, villa, 2, 4, latePayment);

        JsonNode free = http.send("POST", "/v1/bookings/" + early + "/cancel", "", traveller.bearer())
                .data();
        assertThat(free.at("/cancellation/refund").asString()).isEqualTo("4000.00");
        JsonNode withFee = http.send("POST", "/v1/bookings/" + late + "/cancel", "", traveller.bearer())
                .data();
        assertThat(withFee.at("/cancellation/fee").asString()).isEqualTo("2000.00");
        assertThat(withFee.at("/cancellation/refund").asString()).isEqualTo("2000.00");

        LoggedRequest fullRefund = OutsideServiceStubs.awaitOne(refundsWithKey("refund-" + early));
        // Its key travels in its metadata too: Stripe forgets idempotency keys after a day.
        assertThat(fullRefund.getBodyAsString())
                .contains("amount=400000", "payment_intent=pi_early_", "=refund-" + early);
        assertThat(OutsideServiceStubs.awaitOne(refundsWithKey("refund-" + late))
                        .getBodyAsString())
                .contains("amount=200000");

        // Stripe reports the payment again (a new event id): the cancellation refunded it already, the fee stays kept.
        String again = succeeded("evt_" + UUID.randomUUID(), latePayment, late, 400000);
        deliver(again);
        assertThat(refundJobsMentioning("refund-late-" + latePayment)).isZero();
        assertThat(stubs.findAll(refundsWithKey("refund-late-" + latePayment))).isEmpty();
    }

    @Test
    void aRefundStripeHasMadeAlreadyIsNotMadeAgain() {
        Accounts.Session traveller = accounts.register();
        UUID villa = catalog.property(new BigDecimal("1500.00"), 4, 1, 30);
        String paymentId = "pi_refunded_" + UUID.randomUUID().toString().substring(0, 8);
        String id = paidBooking(traveller, villa, 44, 46, paymentId);
        // Stripe made this refund on an earlier attempt whose answer was lost, more than a day ago (its idempotency
        // key forgotten): only the refund's metadata still says which one it was.
        StubMapping earlier = stubs.stubFor(get(urlPathEqualTo("/v1/refunds"))
                .withQueryParam("payment_intent", equalTo(paymentId))
                .atPriority(1)
                .willReturn(okJson(
                        """
                        {"object":"list","url":"/v1/refunds","has_more":false,"data":[{"id":"re_earlier",
                         "object":"refund","amount":300000,"currency":"thb","status":"succeeded",
                         "payment_intent":"%s","metadata":{"idempotency_key":"refund-%s"}}]}"""
                                .formatted(paymentId, id))));
        try {
            assertThat(http.send("POST", "/v1/bookings/" + id + "/cancel", "", traveller.bearer())
                            .data()
                            .at("/cancellation/refund")
                            .asString())
                    .isEqualTo("3000.00");
            OutsideServiceStubs.awaitOne(getRequestedFor(urlPathEqualTo("/v1/refunds"))
                    .withQueryParam("payment_intent", equalTo(paymentId)));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> refundJobsMentioning("refund-" + id) == 0);
        } finally {
            stubs.removeStub(earlier);
        }
        assertThat(stubs.findAll(refundsWithKey("refund-" + id))).isEmpty();
    }

    @Test
    void aPaymentShortOfTheTotalGoesBackAndTheBookingStaysPending() {
        Accounts.Session traveller = accounts.register();
        String id = book(traveller, catalog.vehicle(new BigDecimal("500.00"), 2), 17, 18)
                .get("id")
                .asString();
        String paymentId = "pi_short_" + id.substring(0, 8);
        String event = succeeded("evt_" + UUID.randomUUID(), paymentId, id, 30000);
        deliver(event);

        JsonNode booking = http.get("/v1/bookings/" + id, traveller.bearer()).data();
        assertThat(booking.get("status").asString()).isEqualTo("pending");
        assertThat(booking.get("amountPaid").asString()).isEqualTo("0.00");
        assertThat(OutsideServiceStubs.awaitOne(refundsWithKey("refund-late-" + paymentId))
                        .getBodyAsString())
                .contains("amount=30000");
    }

    @Test
    void moneyForABookingWhoseHoldRanOutGoesBack() {
        Accounts.Session traveller = accounts.register();
        String id = book(traveller, catalog.vehicle(new BigDecimal("500.00"), 2), 15, 16)
                .get("id")
                .asString();
        jdbc.sql("UPDATE bookings SET hold_expires_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", UUID.fromString(id))
                .update();
        sweeper.sweep();

        String paymentId = "pi_latecomer_" + id.substring(0, 8);
        String event = succeeded("evt_" + UUID.randomUUID(), paymentId, id, 50000);
        deliver(event);

        assertThat(http.get("/v1/bookings/" + id, traveller.bearer())
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("cancelled");
        assertThat(OutsideServiceStubs.awaitOne(refundsWithKey("refund-late-" + paymentId))
                        .getBodyAsString())
                .contains("amount=50000");
    }

    @Test
    void refundsStripeRefusesAreDeadLetteredWithoutOpeningItsCircuit() {
        String payments = "pi_refused_" + UUID.randomUUID().toString().substring(0, 8);
        StubMapping refusal = stubs.stubFor(post(urlEqualTo("/v1/refunds"))
                .withRequestBody(containing("payment_intent=" + payments))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\","
                                + "\"message\":\"Charge has already been refunded.\"}}")));
        try {
            // More refusals than the failures in a row that open the circuit: money for bookings that do not exist.
            for (int i = 0; i < 6; i++) {
                String event = succeeded(
                        "evt_" + UUID.randomUUID(),
                        payments + i,
                        UUID.randomUUID().toString(),
                        10000);
                assertThat(webhook(event, StripeWebhooks.sign(event, Instant.now()))
                                .status())
                        .isEqualTo(200);
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> jdbc.sql("SELECT count(*) FROM dead_letter_jobs WHERE job = 'payment-refund'"
                                            + " AND position(:payments IN CAST(payload AS text)) > 0")
                                    .param("payments", payments)
                                    .query(Long.class)
                                    .single(),
                            deadLetters -> deadLetters == 6);
            assertThat(circuitBreakers.circuitBreaker("stripe").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        } finally {
            stubs.removeStub(refusal);
        }
    }

    @Test
    void whileStripeIsUnavailableBookingsArePaidOnArrivalAndAnAdminConfirms() {
        Accounts.Session traveller = accounts.register();
        circuitBreakers.circuitBreaker("stripe").transitionToForcedOpenState();
        JsonNode fallback;
        try {
            assertThat(http.get("/health").json().at("/checks/stripe/status").asString())
                    .isNotEqualTo("UP");
            fallback = book(traveller, catalog.vehicle(new BigDecimal("320.00"), 2), 25, 26);
        } finally {
            circuitBreakers.circuitBreaker("stripe").transitionToClosedState();
        }
        assertThat(fallback.get("paymentMethod").asString()).isEqualTo("on_arrival");
        assertThat(fallback.get("payment")).isNull();
        assertThat(Instant.parse(fallback.get("holdExpiresAt").asString()))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));

        // Stripe answering with errors falls back the same way (this amount is the stub's signal to fail).
        StubMapping outage = stubs.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .withRequestBody(containing("amount=77700"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"type\":\"api_error\"}}")));
        try {
            JsonNode failed = book(traveller, catalog.vehicle(new BigDecimal("777.00"), 2), 25, 26);
            assertThat(failed.get("paymentMethod").asString()).isEqualTo("on_arrival");
        } finally {
            stubs.removeStub(outage);
        }

        Accounts.Session admin = newAdmin();
        Http.Response confirmed = http.send(
                "POST", "/v1/admin/bookings/" + fallback.get("id").asString() + "/confirm", "", admin.bearer());
        assertThat(confirmed.data().get("status").asString()).isEqualTo("confirmed");
        assertThat(confirmed.data().get("amountPaid").asString()).isEqualTo("0.00");
    }

    private String paidBooking(Accounts.Session traveller, UUID villa, int fromDay, int toDay, String paymentId) {
        JsonNode booking = book(traveller, villa, fromDay, toDay);
        String id = booking.get("id").asString();
        long minor = new BigDecimal(booking.get("totalPrice").asString())
                .movePointRight(2)
                .longValueExact();
        String event = succeeded("evt_" + UUID.randomUUID(), paymentId, id, minor);
        deliver(event);
        return id;
    }

    private JsonNode book(Accounts.Session traveller, UUID item, int fromDay, int toDay) {
        String kind = jdbc.sql("SELECT CASE WHEN EXISTS (SELECT 1 FROM vehicles WHERE id = :id) THEN 'vehicle'"
                        + " ELSE 'property' END")
                .param("id", item)
                .query(String.class)
                .single();
        Http.Response booked = http.json(
                "POST",
                "/v1/bookings",
                "{\"itemType\":\"%s\",\"itemId\":\"%s\",\"startDate\":\"%s\",\"endDate\":\"%s\",\"guestsCount\":1}"
                        .formatted(kind, item, today().plusDays(fromDay), today().plusDays(toDay)),
                traveller.bearer());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.data();
    }

    /** A {@code payment_intent.succeeded} event as Stripe sends it (trimmed to the fields that matter). */
    private static String succeeded(String eventId, String paymentId, String reference, long amountReceived) {
        return """
                {"id":"%s","object":"event","api_version":"2025-09-30","type":"payment_intent.succeeded",
                 "data":{"object":{"id":"%s","object":"payment_intent","amount":%d,"amount_received":%d,
                 "currency":"thb","status":"succeeded",
                 "metadata":{"reference":"%s","source":"phuket-app-backend"}}}}"""
                .formatted(eventId, paymentId, amountReceived, amountReceived, reference);
    }

    /** Signs the event as Stripe does and posts it: Stripe hears a 2xx. */
    private void deliver(String event) {
        assertThat(webhook(event, StripeWebhooks.sign(event, Instant.now())).status())
                .isEqualTo(200);
    }

    private Http.Response webhook(String payload, String signature) {
        return http.json("POST", "/v1/payments/stripe/webhook", payload, "Stripe-Signature", signature);
    }

    private List<LoggedRequest> intentsFor(String bookingId) {
        return stubs.findAll(
                postRequestedFor(urlEqualTo("/v1/payment_intents")).withRequestBody(containing(bookingId)));
    }

    /**
     * Refund jobs queued or running whose payload holds {@code text} (an idempotency key, a payment id): with the stub's
     * requests, every refund asked for.
     */
    private long refundJobsMentioning(String text) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'payment-refund'"
                        + " AND position(:text IN convert_from(task_data, 'UTF8')) > 0")
                .param("text", text)
                .query(Long.class)
                .single();
    }

    private com.github.tomakehurst.wiremock.matching.RequestPatternBuilder refundsWithKey(String key) {
        return postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo(key));
    }
}
