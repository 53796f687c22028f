package com.phuketapp.payment.domain;

import com.phuketapp.platform.JobHandler;
import org.springframework.stereotype.Component;

/** Refunds through Stripe, retried until Stripe confirms; the idempotency key keeps retries from refunding twice. */
@Component
class RefundJob implements JobHandler<RefundRequest> {

    static final String NAME = "payment-refund";

    private final StripePayments payments;

    RefundJob(StripePayments payments) {
        this.payments = payments;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RefundRequest> payloadType() {
        return RefundRequest.class;
    }

    @Override
    public void handle(RefundRequest refund) throws Exception {
        payments.executeRefund(refund);
    }
}
