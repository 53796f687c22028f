package com.phuketapp.platform.config;

import com.phuketapp.platform.OutsideServices;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One registry of circuit breakers for the outside services, all with {@link OutsideServices#circuitBreakerPolicy}.
 * State and calls are metrics ({@code resilience4j_circuitbreaker_*}).
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfig {

    @Bean
    CircuitBreakerRegistry circuitBreakers(CircuitBreakerProperties properties) {
        return CircuitBreakerRegistry.of(OutsideServices.circuitBreakerPolicy(
                properties.failures(), properties.openFor(), properties.slowCall()));
    }

    @Bean
    MeterBinder circuitBreakerMetrics(CircuitBreakerRegistry circuitBreakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers);
    }
}
