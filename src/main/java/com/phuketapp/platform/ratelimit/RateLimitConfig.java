package com.phuketapp.platform.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
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

    /** The buckets' own connection, with the client's command timeout ({@code spring.data.redis.timeout}). */
    private static StatefulRedisConnection<String, byte[]> buckets(RedisConnectionFactory redis) {
        RedisClient client = (RedisClient) ((LettuceConnectionFactory) redis).getRequiredNativeClient();
        return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
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
