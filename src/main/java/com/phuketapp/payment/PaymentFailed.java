package com.phuketapp.payment;

/** A payment attempt for {@code reference} failed; the payer may try again. */
public record PaymentFailed(String reference, String paymentId, String reason) {}
