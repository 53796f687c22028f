package com.phuketapp.platform.config;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caching is on; the store is Redis when {@code SPRING_DATA_REDIS_URL} is set, Caffeine in-process otherwise (chosen
 * by {@link DeploymentModeEnvironmentPostProcessor}). A cache that fails is logged and skipped: a Redis outage makes
 * reads slower, never failed.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfig implements CachingConfigurer {

    @Override
    public CacheErrorHandler errorHandler() {
        return new LoggingCacheErrorHandler();
    }

    /**
     * While Redis is unreachable, commands fail at once instead of queueing until the command timeout: each read goes
     * straight to the database rather than waiting for a cache that is not there.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
        return options -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
    }
}
