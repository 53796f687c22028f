package com.phuketapp.platform;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** What every adapter of an outside service (Stripe, SendGrid, FCM, …) is built from: timeouts and a health check. */
public final class OutsideServices {

    private OutsideServices() {}

    /** A client for {@code baseUrl} that gives up connecting after {@code connectTimeout} and reading after {@code readTimeout}. */
    public static RestClient restClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        // HTTP/1.1: every service here speaks it, and the client's HTTP/2 upgrade attempt on plain http confuses some.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
    }

    /**
     * The system design's breaker policy (§10.2): after {@code failures} failed calls in a row the circuit opens,
     * calls fail at once for {@code openFor}, then two trial calls decide whether it closes again. A call slower than
     * {@code slowCall} counts as failed; a request the service refused for good ({@link PermanentJobFailure}) says
     * nothing about its health and does not count.
     */
    public static CircuitBreakerConfig circuitBreakerPolicy(int failures, Duration openFor, Duration slowCall) {
        return CircuitBreakerConfig.custom()
                .slidingWindow(failures, failures, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(slowCall)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreExceptions(PermanentJobFailure.class)
                .build();
    }

    /**
     * The service's circuit in {@code /health}: down while open. An outside service is never required (each has a
     * fallback), so an open circuit makes the app {@code DEGRADED}, never not-ready.
     *
     * @param configured whether its credentials are set; without them the fallback is used all the time
     */
    public static DependencyCheck check(String name, CircuitBreaker breaker, boolean configured) {
        return new DependencyCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean required() {
                return false;
            }

            @Override
            public Probe probe() {
                if (!configured) {
                    return new Probe(true, "not configured: fallback in use");
                }
                CircuitBreaker.State state = breaker.getState();
                boolean open = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
                return new Probe(!open, "circuit " + state.name().toLowerCase(java.util.Locale.ROOT));
            }
        };
    }
}
