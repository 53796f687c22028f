package com.phuketapp.platform.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The one clock every module reads time from (tests may replace it), and the scheduler that runs the modules'
 * periodic jobs. A job that several instances run at once must be safe to run concurrently (row locks, skip-locked).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
