package com.phuketapp.platform.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NoOpCache;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis caches, each with a {@link NearCache} in front; an instance-only cache is a {@link NearCache} in front of
 * nothing. Evictions travel between instances over a Redis pub/sub channel as {@code <cache name>\n<key>}.
 */
final class NearCacheManager implements CacheManager, MessageListener {

    private static final Logger log = LoggerFactory.getLogger(NearCacheManager.class);

    private final RedisCacheManager redisCaches;
    private final StringRedisTemplate redis;
    private final String channel;
    private final Duration localTtl;
    private final long localMaxSize;
    private final Set<String> instanceOnly;
    private final Map<String, NearCache> caches = new ConcurrentHashMap<>();

    NearCacheManager(
            RedisCacheManager redisCaches,
            StringRedisTemplate redis,
            String channel,
            Duration localTtl,
            long localMaxSize,
            Set<String> instanceOnly) {
        this.redisCaches = redisCaches;
        this.redis = redis;
        this.channel = channel;
        this.localTtl = localTtl;
        this.localMaxSize = localMaxSize;
        this.instanceOnly = instanceOnly;
    }

    /** The pub/sub channel evictions are announced on. */
    String channel() {
        return channel;
    }

    @Override
    public @Nullable Cache getCache(String name) {
        return caches.computeIfAbsent(name, this::create);
    }

    @Override
    public Collection<String> getCacheNames() {
        return redisCaches.getCacheNames();
    }

    private @Nullable NearCache create(String name) {
        Cache remote = instanceOnly.contains(name) ? new NoOpCache(name) : redisCaches.getCache(name);
        return remote == null ? null : new NearCache(remote, localTtl, localMaxSize, this::announce);
    }

    private void announce(String cache, String key) {
        try {
            redis.convertAndSend(channel, cache + "\n" + key);
        } catch (RuntimeException unreachable) {
            // Other instances keep their copies until the local TTL ends; the shared entry itself is already gone.
            log.warn("Could not announce the eviction of {} {}: {}", cache, key, unreachable.toString());
        }
    }

    @Override
    public void onMessage(Message message, byte @Nullable [] pattern) {
        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split("\n", 2);
        NearCache cache = parts.length == 2 ? caches.get(parts[0]) : null;
        if (cache != null) {
            cache.forgetLocally(parts[1]);
        }
    }
}
