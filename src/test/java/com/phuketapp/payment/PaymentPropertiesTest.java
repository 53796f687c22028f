package com.phuketapp.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.payment.config.PaymentProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PaymentPropertiesTest {

    @Test
    void cardPaymentsNeedTheSecretKeyAndTheWebhookSecret() {
        assertThat(properties("sk_test_1", "whsec_1").configured()).isTrue();
        assertThat(properties("sk_test_1", null).configured()).isFalse();
        assertThat(properties("sk_test_1", " ").configured()).isFalse();
        assertThat(properties(null, "whsec_1").configured()).isFalse();
    }

    private static PaymentProperties properties(String secretKey, String webhookSecret) {
        return new PaymentProperties(
                "https://api.stripe.com",
                secretKey,
                webhookSecret,
                Duration.ofMinutes(5),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }
}
