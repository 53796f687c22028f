package com.phuketapp.platform.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.support.AbstractValueAdaptingCache;

/**
 * A shared Redis cache with a short-lived copy in this instance's memory in front of it: a hot catalog page is read
 * from the heap instead of being fetched and decoded from Redis on every request. Writes and evictions go to both; an
 * eviction is also announced to the other instances (see {@link NearCacheManager}) so that they drop their copies.
 * Should an announcement be lost, a copy lives at most {@code localTtl}.
 */
final class NearCache implements Cache {

    /** The key an announcement carries when the whole cache was cleared. */
    static final String EVERYTHING = "*";

    private final Cache local;
    private final Cache remote;
    private final BiConsumer<String, String> announceEviction;

    NearCache(Cache remote, Duration localTtl, long localMaxSize, BiConsumer<String, String> announceEviction) {
        this.remote = remote;
        this.local = new CaffeineCache(
                remote.getName(),
                Caffeine.newBuilder()
                        .expireAfterWrite(localTtl)
                        .maximumSize(localMaxSize)
                        .build(),
                remote instanceof AbstractValueAdaptingCache adapting && adapting.isAllowNullValues());
        this.announceEviction = announceEviction;
    }

    @Override
    public String getName() {
        return remote.getName();
    }

    @Override
    public Object getNativeCache() {
        return remote.getNativeCache();
    }

    /** Keys are compared as Redis compares them: by their string form. */
    private static String localKey(Object key) {
        return String.valueOf(key);
    }

    @Override
    public @Nullable ValueWrapper get(Object key) {
        ValueWrapper near = local.get(localKey(key));
        if (near != null) {
            return near;
        }
        ValueWrapper far = remote.get(key);
        if (far != null) {
            local.put(localKey(key), far.get());
        }
        return far;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
        ValueWrapper value = get(key);
        return value == null ? null : type == null ? (T) value.get() : type.cast(value.get());
    }

    @Override
    public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
        return local.get(localKey(key), () -> remote.get(key, valueLoader));
    }

    @Override
    public void put(Object key, @Nullable Object value) {
        remote.put(key, value);
        local.put(localKey(key), value);
    }

    @Override
    public void evict(Object key) {
        remote.evict(key); // first, so that a concurrent miss cannot copy the old value back in
        local.evict(localKey(key));
        announceEviction.accept(getName(), localKey(key));
    }

    @Override
    public void clear() {
        remote.clear();
        local.clear();
        announceEviction.accept(getName(), EVERYTHING);
    }

    /** Another instance changed {@code key} (or {@link #EVERYTHING}): forget the local copy. */
    void forgetLocally(String key) {
        if (EVERYTHING.equals(key)) {
            local.clear();
        } else {
            local.evict(key);
        }
    }
}
