package com.phuketapp.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.phuketapp.platform.RateLimited.Category;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets per category and caller: in Redis (shared by every instance) when configured, in process otherwise.
 * Should Redis fail, the same buckets are counted in process until it is back: each instance then enforces the limit
 * on its own, which neither lets callers through unlimited nor refuses everyone.
 */
final class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final Duration WARN_AT_MOST_EVERY = Duration.ofMinutes(1);
    private static final Duration RECONNECT_AT_MOST_EVERY = Duration.ofSeconds(5);
    /** About 30 MiB of heap at most. */
    private static final int LOCAL_BUCKETS = 100_000;

    /** What the caller hears: allowed or not, what is left, and when to come back. */
    record Decision(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {}

    private final RateLimitProperties properties;
    private final @Nullable Supplier<StatefulRedisConnection<String, byte[]>> connectToRedis;
    private volatile @Nullable ProxyManager<String> redis;
    private volatile Instant connectAttemptAt = Instant.EPOCH;
    /** Every bucket's key starts with it: {@code <prefix>rate:<category>:<caller>}. */
    private final String bucketKeys;

    private final Map<Category, BucketConfiguration> configurations = new EnumMap<>(Category.class);
    private final Map<String, BucketConfiguration> configurationsByCode = new HashMap<>();
    private final Map<Category, Semaphore> queues = new EnumMap<>(Category.class);
    private final Cache<String, Bucket> local;

    private volatile Instant warnedAt = Instant.EPOCH;

    /** @param connectToRedis how to reach the shared buckets, or {@code null} to count in process only */
    RateLimiter(
            RateLimitProperties properties,
            @Nullable Supplier<StatefulRedisConnection<String, byte[]>> connectToRedis,
            String keyPrefix) {
        this.properties = properties;
        this.connectToRedis = connectToRedis;
        this.bucketKeys = keyPrefix + "rate:";
        Duration longestWindow = Duration.ZERO;
        for (Category category : Category.values()) {
            RateLimitProperties.Limit limit = properties.limit(category);
            configurations.put(
                    category,
                    BucketConfiguration.builder()
                            .addLimit(bandwidth ->
                                    bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.window()))
                            .build());
            configurationsByCode.put(category.code(), configurations.get(category));
            queues.put(category, new Semaphore(limit.maxQueue()));
            longestWindow = longestWindow.compareTo(limit.window()) < 0 ? limit.window() : longestWindow;
        }
        // A bucket untouched for a whole window is full again: forgetting it changes nothing. Beyond the size bound
        // (only reached during a Redis outage with that many active callers) the least recent callers start afresh.
        this.local = Caffeine.newBuilder()
                .expireAfterAccess(longestWindow)
                .maximumSize(LOCAL_BUCKETS)
                .build();
    }

    /** @param caller {@code user:<id>} or {@code ip:<address>} */
    Decision consume(Category category, String caller) {
        String key = bucketKeys + category.code() + ":" + caller;
        BucketConfiguration configuration = configurations.get(category);
        ProxyManager<String> shared = redis();
        if (shared != null) {
            try {
                return consume(category, shared.builder().build(key, () -> configuration));
            } catch (RuntimeException unreachable) {
                warn(unreachable);
            }
        }
        return consume(category, local.get(key, ignored -> Bucket.builder()
                .addLimit(configuration.getBandwidths()[0])
                .build()));
    }

    private Decision consume(Category category, Bucket bucket) {
        RateLimitProperties.Limit limit = properties.limit(category);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return allowed(probe);
        }
        Semaphore queue = queues.get(category);
        if (probe.getNanosToWaitForRefill() <= limit.maxWait().toNanos() && queue.tryAcquire()) {
            try {
                if (bucket.asBlocking().tryConsume(1, limit.maxWait())) {
                    long remaining = bucket.getAvailableTokens();
                    long resetSeconds = limit.window().toSeconds() * (limit.requests() - remaining) / limit.requests();
                    return new Decision(true, Math.max(0, remaining), resetSeconds, 0);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } finally {
                queue.release();
            }
        }
        return new Decision(
                false,
                0,
                seconds(probe.getNanosToWaitForReset()),
                Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static Decision allowed(ConsumptionProbe probe) {
        return new Decision(true, probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()), 0);
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    /** Whether limits are shared through Redis right now (for {@code /health}); a round trip to Redis. */
    boolean sharedThroughRedis() {
        ProxyManager<String> shared = redis();
        if (shared == null) {
            return false;
        }
        try {
            shared.getProxyConfiguration(bucketKeys + "health-probe");
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    boolean configuredForRedis() {
        return connectToRedis != null;
    }

    /** Connects on first use, and again a few seconds after a failed attempt: Redis may be down at start-up. */
    private @Nullable ProxyManager<String> redis() {
        ProxyManager<String> shared = redis;
        if (shared != null || connectToRedis == null) {
            return shared;
        }
        Instant now = Instant.now();
        synchronized (this) {
            if (redis == null && connectAttemptAt.isBefore(now.minus(RECONNECT_AT_MOST_EVERY))) {
                connectAttemptAt = now;
                try {
                    redis = new SharedBuckets(connectToRedis.get(), this::configurationOfKey);
                } catch (RuntimeException unreachable) {
                    warn(unreachable);
                }
            }
            return redis;
        }
    }

    /** The configuration of the bucket under a key built by {@link #consume}; {@code null} for any other key. */
    private @Nullable BucketConfiguration configurationOfKey(String key) {
        int end = key.indexOf(':', bucketKeys.length());
        if (!key.startsWith(bucketKeys) || end < 0) {
            return null;
        }
        return configurationsByCode.get(key.substring(bucketKeys.length(), end));
    }

    private void warn(RuntimeException failure) {
        Instant now = Instant.now();
        if (warnedAt.isBefore(now.minus(WARN_AT_MOST_EVERY))) {
            warnedAt = now;
            log.warn("Redis is unreachable for rate limits; counting in process meanwhile: {}", failure.toString());
        }
    }
}
