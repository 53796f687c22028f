package com.phuketapp.notification.config;

import com.phuketapp.notification.outbound.FcmPush;
import com.phuketapp.notification.outbound.SendGridMail;
import com.phuketapp.platform.DependencyCheck;
import com.phuketapp.platform.OutsideServices;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class NotificationConfig {

    @Bean
    SendGridMail sendGridMail(NotificationProperties properties, CircuitBreakerRegistry circuitBreakers) {
        return new SendGridMail(properties, circuitBreakers.circuitBreaker("sendgrid"));
    }

    @Bean
    FcmPush fcmPush(
            NotificationProperties properties, CircuitBreakerRegistry circuitBreakers, JsonMapper json, Clock clock) {
        return new FcmPush(properties, circuitBreakers.circuitBreaker("fcm"), json, clock);
    }

    @Bean
    DependencyCheck sendGridCheck(SendGridMail mail, CircuitBreakerRegistry circuitBreakers) {
        return OutsideServices.check("sendgrid", circuitBreakers.circuitBreaker("sendgrid"), mail.configured());
    }

    @Bean
    DependencyCheck fcmCheck(FcmPush push, CircuitBreakerRegistry circuitBreakers) {
        return OutsideServices.check("fcm", circuitBreakers.circuitBreaker("fcm"), push.configured());
    }
}
