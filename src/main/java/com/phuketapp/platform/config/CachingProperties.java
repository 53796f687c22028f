package com.phuketapp.platform.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cache settings ({@code phuket.cache.*}). The in-process store of the embedded mode is sized by
 * {@code spring.cache.caffeine.spec}.
 *
 * @param redis        whether caches live in Redis (set from {@code SPRING_DATA_REDIS_URL} being present)
 * @param keyPrefix    prefix of every Redis key and channel of this deployment, so several can share one Redis
 * @param ttl          how long a cached value lives in Redis (system design §2.2.3: 1 h)
 * @param localTtl     how long an instance keeps its in-process copy of a Redis entry: the longest it can serve a
 *                     stale value should an eviction announcement be lost
 * @param localMaxSize entries kept in process per cache
 */
@ConfigurationProperties("phuket.cache")
record CachingProperties(
        @DefaultValue("false") boolean redis,
        @DefaultValue("phuket:") String keyPrefix,
        @DefaultValue("1h") Duration ttl,
        @DefaultValue("60s") Duration localTtl,
        @DefaultValue("10000") long localMaxSize) {}
