package com.phuketapp.payment.domain;

import java.math.BigDecimal;

/** A refund queued for Stripe (the refund job's payload). */
public record RefundRequest(String paymentId, BigDecimal amount, String currency, String idempotencyKey) {}
