package com.phuketapp.payment;

import java.math.BigDecimal;

/** Stripe confirmed a payment for {@code reference}. */
public record PaymentSucceeded(String reference, String paymentId, BigDecimal amount, String currency) {}
