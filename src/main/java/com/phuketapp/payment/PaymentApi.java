package com.phuketapp.payment;

import java.math.BigDecimal;
import java.util.Optional;

/** Card payments, for whatever the caller sells. */
public interface PaymentApi {

    /** Whether card payments can be taken right now: Stripe is configured and its circuit is not open. */
    boolean available();

    /**
     * Starts a card payment the client completes with the returned secret. Calling again with the same key returns
     * the same payment (Stripe's idempotency), so a retry never charges twice.
     *
     * @return empty when card payments are not available: the caller falls back to payment on arrival
     * @throws PaymentInProgress when another request with the same key is being answered: the payment is being made,
     *     so the caller must not fall back, only ask again
     */
    Optional<PaymentIntent> startPayment(String reference, BigDecimal amount, String currency, String idempotencyKey);

    /**
     * Refunds part or all of a payment. Durable: queued in the caller's transaction and retried until Stripe confirms,
     * with {@code idempotencyKey} making sure it is refunded once.
     */
    void refund(String paymentId, BigDecimal amount, String currency, String idempotencyKey);
}
