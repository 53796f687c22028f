package com.phuketapp.payment.domain;

import com.phuketapp.payment.PaymentApi;
import com.phuketapp.payment.PaymentInProgress;
import com.phuketapp.payment.PaymentIntent;
import com.phuketapp.payment.config.PaymentProperties;
import com.phuketapp.platform.JobQueue;
import com.phuketapp.platform.PermanentJobFailure;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Card payments through Stripe's API (with Stripe's own client, pointed at {@code STRIPE_API_BASE}), behind a circuit
 * breaker. Every call carries an idempotency key, so a retry never charges or refunds twice.
 */
public class StripePayments implements PaymentApi {

    private static final Logger log = LoggerFactory.getLogger(StripePayments.class);

    /**
     * Marks the payments this app starts. A Stripe account sends every webhook endpoint all of its events: those of
     * a sibling product's payments, whose references could look like ours, must be left alone, not refunded.
     */
    static final String SOURCE = "phuket-app-backend";

    /** The metadata field of a refund that holds its idempotency key. */
    private static final String REFUND_KEY = "idempotency_key";

    private final @Nullable StripeClient stripe;
    private final CircuitBreaker breaker;
    private final JobQueue jobs;

    public StripePayments(PaymentProperties properties, CircuitBreaker breaker, JobQueue jobs) {
        this.stripe = properties.configured()
                ? StripeClient.builder()
                        .setApiKey(properties.secretKey())
                        .setApiBase(properties.apiBase())
                        .setConnectTimeout((int) properties.connectTimeout().toMillis())
                        .setReadTimeout((int) properties.readTimeout().toMillis())
                        // Retries belong to the circuit breaker and the job queue, not hidden in the client.
                        .setMaxNetworkRetries(0)
                        .build()
                : null;
        this.breaker = breaker;
        this.jobs = jobs;
    }

    @Override
    public boolean available() {
        CircuitBreaker.State state = breaker.getState();
        return stripe != null && state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    @Override
    public Optional<PaymentIntent> startPayment(
            String reference, BigDecimal amount, String currency, String idempotencyKey) {
        if (stripe == null || !available()) {
            return Optional.empty();
        }
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(minorUnits(amount))
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .putMetadata("reference", reference)
                .putMetadata("source", SOURCE)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .build();
        try {
            com.stripe.model.PaymentIntent intent =
                    call(() -> stripe.v1().paymentIntents().create(params, options(idempotencyKey)));
            return Optional.of(new PaymentIntent(intent.getId(), intent.getClientSecret()));
        } catch (Exception failure) {
            if (failure instanceof StripeException conflict
                    && Integer.valueOf(409).equals(conflict.getStatusCode())) {
                // Another request with this key is being answered: Stripe saved no answer for this one, so asking
                // again in a moment gets the payment. (It does save a 500, which asking again only repeats.)
                throw new PaymentInProgress(reference);
            }
            log.warn(
                    "Stripe could not start a payment for {}; falling back to payment on arrival: {}",
                    reference,
                    failure.toString());
            return Optional.empty();
        }
    }

    @Override
    public void refund(String paymentId, BigDecimal amount, String currency, String idempotencyKey) {
        jobs.enqueue(RefundJob.NAME, new RefundRequest(paymentId, amount, currency, idempotencyKey));
    }

    /** Called by the refund job; throws to be retried, or {@link PermanentJobFailure} when Stripe refuses for good. */
    void executeRefund(RefundRequest refund) throws Exception {
        if (stripe == null) {
            throw new IllegalStateException("Stripe is not configured: the refund waits until it is");
        }
        // Stripe forgets an idempotency key after 24 hours: a refund replayed later (an admin replaying its dead
        // letter, after attempts that reached Stripe but whose answers were lost) would be made again. Each refund
        // carries its key in its metadata too, and one Stripe has under that key already is not made twice.
        RefundListParams madeSoFar = RefundListParams.builder()
                .setPaymentIntent(refund.paymentId())
                .setLimit(100L)
                .build();
        boolean made = call(() -> stripe.v1().refunds().list(madeSoFar)).getData().stream()
                .anyMatch(earlier -> earlier.getMetadata() != null
                        && refund.idempotencyKey().equals(earlier.getMetadata().get(REFUND_KEY)));
        if (made) {
            log.info("Refund {} of {} was made before; not again", refund.idempotencyKey(), refund.paymentId());
            return;
        }
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(refund.paymentId())
                .setAmount(minorUnits(refund.amount()))
                .putMetadata(REFUND_KEY, refund.idempotencyKey())
                .build();
        call(() -> stripe.v1().refunds().create(params, options(refund.idempotencyKey())));
    }

    /**
     * Calls Stripe through the circuit breaker. A request Stripe refuses for good (invalid, declined, or its
     * idempotency key reused) is an answer, not an outage: it is thrown as {@link PermanentJobFailure}, which the
     * breaker does not count, so that a few such refusals do not switch every traveller to payment on arrival.
     */
    private <T> T call(Callable<T> request) throws Exception {
        return breaker.executeCallable(() -> {
            try {
                return request.call();
            } catch (InvalidRequestException | CardException | IdempotencyException refused) {
                throw new PermanentJobFailure("Stripe refused the request: " + refused.getMessage());
            }
        });
    }

    /** THB (like most currencies) counts in hundredths at Stripe: 1,050.00 THB is 105000. */
    static long minorUnits(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }

    private static RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
