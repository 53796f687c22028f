/**
 * Payment: card payments through Stripe (payment intents, webhooks, refunds) against an opaque reference. It knows
 * nothing of bookings: it takes a reference and an amount, and announces {@link com.phuketapp.payment.PaymentSucceeded}
 * and {@link com.phuketapp.payment.PaymentFailed} for that reference.
 */
@NullMarked
package com.phuketapp.payment;

import org.jspecify.annotations.NullMarked;
