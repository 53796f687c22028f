package com.phuketapp.notification.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.phuketapp.notification.config.NotificationProperties;
import com.phuketapp.platform.OutsideServices;
import com.phuketapp.platform.PermanentJobFailure;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpServerErrorException;

/** The SendGrid adapter against a local server speaking SendGrid's v3 API, driving its breaker open and closed. */
class SendGridMailTest {

    private final WireMockServer sendGrid = new WireMockServer(options().dynamicPort());
    private CircuitBreaker breaker;
    private SendGridMail mail;

    @BeforeEach
    void start() {
        sendGrid.start();
        breaker = CircuitBreaker.of(
                "sendgrid", OutsideServices.circuitBreakerPolicy(5, Duration.ofMillis(300), Duration.ofSeconds(5)));
        NotificationProperties properties = new NotificationProperties(
                new NotificationProperties.SendGrid(sendGrid.baseUrl(), "SG.key", "bookings@phuket-app.test"),
                new NotificationProperties.Fcm("http://unused", null),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        mail = new SendGridMail(properties, breaker);
    }

    @AfterEach
    void stop() {
        sendGrid.stop();
    }

    @Test
    void sendsInSendGridsWireFormat() {
        sendGrid.stubFor(
                post(urlEqualTo("/v3/mail/send")).willReturn(aResponse().withStatus(202)));

        mail.send("anna@example.com", "Booking confirmed", "See you in Phuket");

        sendGrid.verify(
                postRequestedFor(urlEqualTo("/v3/mail/send"))
                        .withHeader("Authorization", equalTo("Bearer SG.key"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"personalizations":[{"to":[{"email":"anna@example.com"}]}],
                         "from":{"email":"bookings@phuket-app.test"},
                         "subject":"Booking confirmed",
                         "content":[{"type":"text/plain","value":"See you in Phuket"}]}""")));
    }

    @Test
    void fiveFailuresInARowOpenTheCircuitThenTrialCallsCloseIt() {
        sendGrid.stubFor(
                post(urlEqualTo("/v3/mail/send")).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> mail.send("anna@example.com", "s", "b"))
                    .isInstanceOf(HttpServerErrorException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> mail.send("anna@example.com", "s", "b")).isInstanceOf(CallNotPermittedException.class);
        assertThat(sendGrid.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))))
                .hasSize(5);

        sendGrid.resetMappings();
        sendGrid.stubFor(
                post(urlEqualTo("/v3/mail/send")).willReturn(aResponse().withStatus(202)));
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        mail.send("anna@example.com", "s", "b");
        mail.send("anna@example.com", "s", "b");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aRefusedMessageIsPermanentAndLeavesTheCircuitClosed() {
        sendGrid.stubFor(post(urlEqualTo("/v3/mail/send"))
                .willReturn(aResponse().withStatus(400).withBody("{\"errors\":[{\"message\":\"Invalid email\"}]}")));
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> mail.send("not-an-address", "s", "b")).isInstanceOf(PermanentJobFailure.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        sendGrid.stubFor(
                post(urlEqualTo("/v3/mail/send")).willReturn(aResponse().withStatus(429)));
        assertThatThrownBy(() -> mail.send("anna@example.com", "s", "b")).isNotInstanceOf(PermanentJobFailure.class);
    }
}
