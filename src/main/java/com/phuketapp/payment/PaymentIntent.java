package com.phuketapp.payment;

/**
 * A card payment in progress.
 *
 * @param id           Stripe's PaymentIntent id, the payment's reference from now on
 * @param clientSecret what the app passes to Stripe's SDK to let the traveller pay; never logged or stored
 */
public record PaymentIntent(String id, String clientSecret) {}
