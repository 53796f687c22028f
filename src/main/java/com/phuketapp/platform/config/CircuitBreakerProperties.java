package com.phuketapp.platform.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit breakers of the outside services ({@code phuket.circuit-breaker.*}).
 *
 * @param failures failed calls in a row that open the circuit
 * @param openFor  how long an open circuit refuses calls before it lets a few trial calls through
 * @param slowCall a call slower than this counts as failed; below every adapter's read timeout (the shortest is 5 s),
 *     or a service that answers, but slowly, would time out before it could ever count as slow
 */
@ConfigurationProperties("phuket.circuit-breaker")
record CircuitBreakerProperties(
        @DefaultValue("5") int failures,
        @DefaultValue("30s") Duration openFor,
        @DefaultValue("3s") Duration slowCall) {}
