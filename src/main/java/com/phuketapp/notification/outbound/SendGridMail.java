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

    /**
     * A message SendGrid will never take as it is. Not a 429 (it says when to come back), nor a 401 or 403: a key
     * revoked or rotated is fixed in our configuration, and the messages are then still owed; meanwhile they are
     * retried, and their failures open the circuit, which the alerts watch.
     */
    private static boolean refusedForGood(HttpStatusCode status) {
        int code = status.value();
        return status.is4xxClientError() && code != 429 && code != 401 && code != 403;
    }
}
