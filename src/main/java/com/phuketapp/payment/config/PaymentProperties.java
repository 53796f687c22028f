package com.phuketapp.payment.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe ({@code phuket.payment.*}; the contract's variables are mapped in {@code application.yml}).
 *
 * @param apiBase          {@code STRIPE_API_BASE}
 * @param secretKey        {@code STRIPE_SECRET_KEY}; without it bookings are paid on arrival
 * @param webhookSecret    {@code STRIPE_WEBHOOK_SECRET}: signs the webhook events; without it every event is refused,
 *     so bookings are paid on arrival too (no card payment could confirm its booking, nor be refunded when it expired)
 * @param webhookTolerance how old a signed event may be (Stripe's default, 5 minutes): older ones may be replays
 * @param connectTimeout   how long connecting to Stripe may take
 * @param readTimeout      how long waiting for Stripe's answer may take
 */
@ConfigurationProperties("phuket.payment")
public record PaymentProperties(
        @DefaultValue("https://api.stripe.com") String apiBase,
        @Nullable String secretKey,
        @Nullable String webhookSecret,
        @DefaultValue("5m") Duration webhookTolerance,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    /** Card payments need both secrets: one to take payments, one to hear that they were made. */
    public boolean configured() {
        return secretKey != null && !secretKey.isBlank() && webhookSecret != null && !webhookSecret.isBlank();
    }
}
