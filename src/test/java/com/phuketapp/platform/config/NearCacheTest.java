package com.phuketapp.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.phuketapp.support.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import org.springframework.data.redis.serializer.StringRedisSerializer;

/** Two app instances sharing one (real) Redis, each with its own in-process copies. */
class NearCacheTest {

    private final String prefix = "phuket-" + TestInfrastructure.RUN_ID + ":near-" + UUID.randomUUID() + ":";
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void servesItsOwnCopyUntilAnotherInstanceEvictsIt() {
        Cache first = instance().getCache("pages");
        Cache second = instance().getCache("pages");

        first.put("vehicles?page=1", "first version");
        assertThat(second.get("vehicles?page=1", String.class)).isEqualTo("first version");

        // Behind the caches' back, only the shared copy changes: the second instance keeps serving its own.
        redis().opsForValue().set(prefix + "pages::vehicles?page=1", "changed in Redis only");
        assertThat(second.get("vehicles?page=1", String.class)).isEqualTo("first version");

        first.evict("vehicles?page=1");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(second.get("vehicles?page=1", String.class)).isNull());
    }

    @Test
    void aClearReachesEveryInstance() {
        Cache first = instance().getCache("search");
        Cache second = instance().getCache("search");
        first.put("villa", "hits");
        first.put("scooter", "hits");
        assertThat(second.get("villa", String.class)).isEqualTo("hits");
        assertThat(second.get("scooter", String.class)).isEqualTo("hits");

        first.clear();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(second.get("villa")).isNull();
            assertThat(second.get("scooter")).isNull();
        });
    }

    @Test
    void anInstanceOnlyCacheKeepsNothingInRedisButItsEvictionsReachEveryInstance() {
        Cache first = instance().getCache("logins");
        Cache second = instance().getCache("logins");
        first.put("session-1", "live");
        assertThat(redis().keys(prefix + "logins::*")).isEmpty();
        assertThat(second.get("session-1")).as("nothing shared").isNull();
        second.put("session-1", "live");

        first.evict("session-1");

        assertThat(first.get("session-1")).isNull();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(second.get("session-1")).isNull());
    }

    private NearCacheManager instance() {
        LettuceConnectionFactory connections = connect();
        StringRedisTemplate redis = new StringRedisTemplate(connections);
        RedisCacheManager redisCaches = RedisCacheManager.builder(RedisCacheConfig.writer(connections))
                .cacheDefaults(RedisCacheConfiguration.defaultCacheConfig()
                        .prefixCacheNameWith(prefix)
                        .serializeValuesWith(SerializationPair.fromSerializer(new StringRedisSerializer())))
                .build();
        redisCaches.initializeCaches();
        NearCacheManager caches = new NearCacheManager(
                redisCaches, redis, prefix + "evictions", Duration.ofMinutes(10), 100, Set.of("logins"));

        RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(connections);
        listener.addMessageListener(caches, new ChannelTopic(caches.channel()));
        listener.afterPropertiesSet();
        listener.start();
        resources.add(listener::destroy);
        await().atMost(Duration.ofSeconds(5)).until(listener::isListening);
        return caches;
    }

    private StringRedisTemplate redis() {
        return new StringRedisTemplate(connect());
    }

    private LettuceConnectionFactory connect() {
        URI uri = URI.create(TestInfrastructure.redisUrl());
        LettuceConnectionFactory connections =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        connections.afterPropertiesSet();
        connections.start();
        resources.add(connections::destroy);
        return connections;
    }
}
