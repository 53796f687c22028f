package com.phuketapp.platform.config;

import com.phuketapp.platform.InstanceOnlyCache;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * With Redis configured, the cache manager is ours rather than Boot's: Redis caches under
 * {@code <key prefix>cache:} with the configured TTL (and whatever {@link RedisCacheManagerBuilderCustomizer}s the
 * modules declare for their caches), each fronted by a short-lived in-process copy; an {@link InstanceOnlyCache} is the
 * in-process copy alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "phuket.cache.redis", havingValue = "true")
class RedisCacheConfig {

    @Bean
    NearCacheManager cacheManager(
            RedisConnectionFactory connections,
            StringRedisTemplate redis,
            CachingProperties properties,
            ObjectProvider<RedisCacheManagerBuilderCustomizer> customizers,
            ObjectProvider<InstanceOnlyCache> instanceOnly) {
        RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
                .entryTtl(properties.ttl())
                .prefixCacheNameWith(properties.keyPrefix() + "cache:");
        RedisCacheManager.RedisCacheManagerBuilder builder =
                RedisCacheManager.builder(writer(connections)).cacheDefaults(defaults);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        RedisCacheManager redisCaches = builder.build();
        redisCaches.initializeCaches();
        return new NearCacheManager(
                redisCaches,
                redis,
                properties.keyPrefix() + "cache-evictions",
                properties.localTtl(),
                properties.localMaxSize(),
                instanceOnly.stream().map(InstanceOnlyCache::name).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Writes reach Redis before {@code put} returns (Lettuce would otherwise write in the background, and an eviction
     * could overtake the write it should remove); clearing a cache scans rather than blocks Redis with {@code KEYS}.
     */
    static RedisCacheWriter writer(RedisConnectionFactory connections) {
        return RedisCacheWriter.create(
                connections, writer -> writer.immediateWrites().batchStrategy(BatchStrategies.scan(500)));
    }

    @Bean
    RedisMessageListenerContainer cacheEvictionListener(RedisConnectionFactory connections, NearCacheManager caches) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(caches, new ChannelTopic(caches.channel()));
        return container;
    }
}
