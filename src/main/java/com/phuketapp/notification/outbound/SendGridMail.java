package com.phuketapp.notification.outbound;

import com.phuketapp.notification.config.NotificationProperties;
import com.phuketapp.platform.OutsideServices;
import com.phuketapp.platform.PermanentJobFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Sends email through SendGrid's v3 mail-send API, behind a circuit breaker. A refusal of the message itself (4xx
 * other than 429) is permanent; anything else is thrown for the job queue to retry.
 */
public class SendGridMail {

    private final NotificationProperties.SendGrid settings;
    private final RestClient http;
    private final CircuitBreaker breaker;

    public SendGridMail(NotificationProperties properties, CircuitBreaker breaker) {
        this.settings = properties.sendgrid();
        this.http =
                OutsideServices.restClient(settings.apiBase(), properties.connectTimeout(), properties.readTimeout());
        this.breaker = breaker;
    }

    public boolean configured() {
        return settings.configured();
    }

    public void send(String to, String subject, String text) {
        Map<String, Object> mail = Map.of(
                "personalizations", List.of(Map.of("to", List.of(Map.of("email", to)))),
                "from", Map.of("email", settings.from()),
                "subject", subject,
                "content", List.of(Map.of("type", "text/plain", "value", text)));
        breaker.executeRunnable(() -> http.post()
                .uri("/v3/mail/send")
                .header("Authorization", "Bearer " + settings.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(mail)
                .retrieve()
                .onStatus(SendGridMail::refusedForGood, (request, response) -> {
                    throw new PermanentJobFailure("SendGrid refused the message: " + response.getStatusCode());
                })
                .toBodilessEntity());
    }

    private static boolean refusedForGood(HttpStatusCode status) {
        return status.is4xxClientError() && status.value() != 429;
    }
}
