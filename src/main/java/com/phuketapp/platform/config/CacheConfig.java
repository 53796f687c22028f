package com.phuketapp.platform.config;

import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
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
}
