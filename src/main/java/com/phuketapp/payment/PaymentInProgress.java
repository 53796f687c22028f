package com.phuketapp.payment;

/**
 * Stripe is still answering another request with the same idempotency key (a double tap, or two requests for one
 * booking's payment at once). It saved no answer for this one, so asking again in a moment gets the payment.
 */
public class PaymentInProgress extends RuntimeException {

    public PaymentInProgress(String reference) {
        super("Another request is starting the payment for " + reference);
    }
}
