package com.phuketapp.platform.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    @Bean
    RateLimiter rateLimiter(
            RateLimitProperties properties,
            ObjectProvider<RedisConnectionFactory> redis,
            @Value("${phuket.cache.key-prefix:phuket:}") String keyPrefix) {
        RedisConnectionFactory connections = redis.getIfAvailable();
        return new RateLimiter(properties, connections == null ? null : () -> buckets(connections), keyPrefix);
    }

    /**
     * Bucket4j's compare-and-swap buckets on a connection of their own (with the client's command timeout,
     * {@code spring.data.redis.timeout}); a bucket left alone expires from Redis.
     */
    private static ProxyManager<String> buckets(RedisConnectionFactory redis) {
        RedisClient client = (RedisClient) ((LettuceConnectionFactory) redis).getRequiredNativeClient();
        StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        return Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Bean
    WebMvcConfigurer rateLimits(RateLimiter limiter, RateLimitProperties properties) {
        RateLimitInterceptor interceptor = new RateLimitInterceptor(limiter, properties);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                if (properties.enabled()) {
                    registry.addInterceptor(interceptor);
                }
            }
        };
    }
}
