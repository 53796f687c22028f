package com.phuketapp.booking.config;

import com.phuketapp.platform.ProtectedRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BookingConfig {

    /** A traveller's bookings need a signed-in traveller; availability and quotes are public. */
    @Bean
    ProtectedRoutes bookingRoutes() {
        return ProtectedRoutes.of("/v1/bookings", "/v1/bookings/**");
    }
}
