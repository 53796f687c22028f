package com.phuketapp.payment.config;

import com.phuketapp.payment.domain.StripePayments;
import com.phuketapp.platform.DependencyCheck;
import com.phuketapp.platform.JobQueue;
import com.phuketapp.platform.OutsideServices;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfig {

    @Bean
    StripePayments stripePayments(PaymentProperties properties, CircuitBreakerRegistry circuitBreakers, JobQueue jobs) {
        return new StripePayments(properties, circuitBreakers.circuitBreaker("stripe"), jobs);
    }

    /** Stripe down means bookings are paid on arrival: the app is degraded, not down. */
    @Bean
    DependencyCheck stripeCheck(PaymentProperties properties, CircuitBreakerRegistry circuitBreakers) {
        return OutsideServices.check("stripe", circuitBreakers.circuitBreaker("stripe"), properties.configured());
    }
}
