package com.phuketapp.payment.domain;

import com.phuketapp.payment.PaymentFailed;
import com.phuketapp.payment.PaymentSucceeded;
import com.phuketapp.payment.config.PaymentProperties;
import com.phuketapp.payment.persistence.StripeEventRepository;
import com.phuketapp.platform.InvalidInputException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook events: the signature over the raw body is checked (within the tolerance, so an old event cannot be
 * replayed), each event id is handled once, and payment outcomes are announced in the same transaction that remembers
 * the event — a listener's change and the "handled" mark commit together or not at all.
 */
@Service
public class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final PaymentProperties properties;
    private final StripeEventRepository events;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    StripeWebhooks(
            PaymentProperties properties,
            StripeEventRepository events,
            ApplicationEventPublisher publisher,
            JsonMapper json,
            Clock clock,
            TransactionTemplate transaction) {
        this.properties = properties;
        this.events = events;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * The signature is checked before the transaction takes a database connection: a flood of unsigned posts to this
     * public route takes none from the pool.
     *
     * @return whether the event was new (a repeat is acknowledged and ignored)
     */
    public boolean handle(String payload, @Nullable String signature) {
        verify(payload, signature);
        return Boolean.TRUE.equals(transaction.execute(status -> handleVerified(payload)));
    }

    private boolean handleVerified(String payload) {
        JsonNode event = json.readTree(payload);
        String id = event.path("id").asString("");
        String type = event.path("type").asString("");
        if (id.isBlank() || type.isBlank()) {
            throw InvalidInputException.of("id", "validation.required");
        }
        if (!events.remember(id, type)) {
            log.info("Stripe event {} ({}) was handled before; ignored", id, type);
            return false;
        }
        JsonNode intent = event.path("data").path("object");
        if (type.startsWith("payment_intent.")
                && !StripePayments.SOURCE.equals(
                        intent.path("metadata").path("source").asString(""))) {
            log.info("Stripe event {} ({}) is about a payment this app did not start; ignored", id, type);
            return true;
        }
        String reference = intent.path("metadata").path("reference").asString("");
        switch (type) {
            case "payment_intent.succeeded" ->
                publisher.publishEvent(new PaymentSucceeded(
                        reference,
                        intent.path("id").asString(),
                        BigDecimal.valueOf(intent.path("amount_received").asLong(), 2),
                        intent.path("currency").asString("").toUpperCase(Locale.ROOT)));
            case "payment_intent.payment_failed" ->
                publisher.publishEvent(new PaymentFailed(
                        reference,
                        intent.path("id").asString(),
                        intent.path("last_payment_error").path("message").asString("declined")));
            default -> log.debug("Stripe event {} of type {} needs no action", id, type);
        }
        return true;
    }

    private void verify(String payload, @Nullable String signature) {
        String secret = properties.webhookSecret();
        if (secret == null || secret.isBlank() || signature == null) {
            throw InvalidInputException.of("Stripe-Signature", "error.payment.signature");
        }
        try {
            Webhook.Signature.verifyHeader(
                    payload, signature, secret, properties.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException forged) {
            log.warn("Refused a Stripe webhook with a bad signature: {}", forged.getMessage());
            throw InvalidInputException.of("Stripe-Signature", "error.payment.signature");
        }
    }
}
