package com.phuketapp;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.support.Accounts;
import com.phuketapp.support.Http;
import com.phuketapp.support.IntegrationTest;
import com.phuketapp.support.OutsideServiceStubs;
import com.phuketapp.support.StripeWebhooks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole trip over real HTTP: sign up, search, book a villa, pay through Stripe, and be told it is confirmed. */
class TravellerJourneyTest extends IntegrationTest {

    @Test
    void aTravellerFindsBooksPaysAndIsToldItIsConfirmed() throws Exception {
        Accounts.Session traveller = new Accounts(http).register();

        JsonNode villa = http.get("/v1/search?q=villa").data().get(0);
        assertThat(villa.get("kind").asString()).isEqualTo("property");
        String villaId = villa.get("id").asString();
        JsonNode details = http.get("/v1/properties/" + villaId).data();
        int nights = Math.max(3, details.get("minNights").asInt());
        LocalDate checkIn = today().plusDays(200 + (int) (Math.random() * 100));

        JsonNode quote = http.get("/v1/properties/" + villaId + "/quote?startDate=" + checkIn + "&endDate="
                        + checkIn.plusDays(nights) + "&guests=2")
                .data();
        Http.Response booked = http.json(
                "POST",
                "/v1/bookings",
                "{\"itemType\":\"property\",\"itemId\":\"" + villaId + "\",\"startDate\":\"" + checkIn
                        + "\",\"endDate\":\"" + checkIn.plusDays(nights) + "\",\"guestsCount\":2}",
                traveller.bearer()[0],
                traveller.bearer()[1],
                "Idempotency-Key",
                "trip-" + UUID.randomUUID());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        JsonNode booking = booked.data();
        assertThat(booking.get("totalPrice")).isEqualTo(quote.get("totalPrice"));
        assertThat(booking.at("/payment/clientSecret").asString()).isNotBlank();

        // The traveller pays in the app; Stripe tells us so.
        String bookingId = booking.get("id").asString();
        long minor = new java.math.BigDecimal(booking.get("totalPrice").asString())
                .movePointRight(2)
                .longValueExact();
        String event =
                """
                {"id":"evt_%s","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_trip_%s",
                 "object":"payment_intent","amount_received":%d,"currency":"thb",
                 "metadata":{"reference":"%s","source":"phuket-app-backend"}}}}"""
                        .formatted(UUID.randomUUID(), bookingId.substring(0, 8), minor, bookingId);
        assertThat(http.json(
                                "POST",
                                "/v1/payments/stripe/webhook",
                                event,
                                "Stripe-Signature",
                                StripeWebhooks.sign(event, Instant.now()))
                        .status())
                .isEqualTo(200);

        assertThat(http.get("/v1/bookings/" + bookingId, traveller.bearer())
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("confirmed");
        String code = booking.get("confirmationCode").asString();
        OutsideServiceStubs.awaitOne(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withRequestBody(containing("Booking " + code + " confirmed")));
    }
}
