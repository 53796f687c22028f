package com.phuketapp.payment.web;

import com.phuketapp.payment.domain.StripeWebhooks;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Stripe posts its events. Public (Stripe signs them instead), and the body is taken as the raw text Stripe
 * signed. A 2xx tells Stripe to stop retrying: given for handled and repeated events alike.
 */
@RestController
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/v1/payments/stripe/webhook")
    Map<String, Boolean> receive(
            @RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        return Map.of("received", true, "new", webhooks.handle(payload, signature));
    }
}
