package com.phuketapp.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.platform.RateLimited.Category;
import com.phuketapp.support.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limiter itself, against the run's real Redis. */
class RateLimiterTest {

    private final RedisClient client = RedisClient.create(TestInfrastructure.redisUrl());
    private final String prefix = "phuket-" + TestInfrastructure.RUN_ID + ":limiter-" + UUID.randomUUID() + ":";

    @AfterEach
    void close() {
        client.shutdown();
    }

    @Test
    void instancesSharingRedisShareTheLimit() {
        RateLimiter first = limiter(limits(5, Duration.ofMinutes(1), Duration.ZERO, 0), true);
        RateLimiter second = limiter(limits(5, Duration.ofMinutes(1), Duration.ZERO, 0), true);

        List<Boolean> allowed = List.of(
                first.consume(Category.AUTH, "ip:1").allowed(),
                second.consume(Category.AUTH, "ip:1").allowed(),
                first.consume(Category.AUTH, "ip:1").allowed(),
                second.consume(Category.AUTH, "ip:1").allowed(),
                first.consume(Category.AUTH, "ip:1").allowed(),
                second.consume(Category.AUTH, "ip:1").allowed());

        assertThat(allowed).containsExactly(true, true, true, true, true, false);
        assertThat(first.consume(Category.AUTH, "ip:2").allowed()).isTrue();
    }

    @Test
    void aNewCallersBucketIsCreatedInTwoRoundTripsWithItsCategorysLimitAndExpires() {
        List<String> commands = new CopyOnWriteArrayList<>();
        client.addListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().getType().toString());
            }
        });
        RateLimiter limiter = limiter(limits(5, Duration.ofMinutes(1), Duration.ZERO, 0), true);
        assertThat(limiter.sharedThroughRedis()).isTrue();
        commands.clear();

        RateLimiter.Decision first = limiter.consume(Category.SEARCH, "ip:9");

        assertThat(first.allowed()).isTrue();
        assertThat(first.remaining()).isEqualTo(4);
        assertThat(commands)
                .as("read the bucket, then write it if still absent")
                .containsExactly("GET", "EVAL");
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            assertThat(redis.sync().pttl(prefix + "rate:search:ip:9"))
                    .as("left alone, the bucket expires")
                    .isPositive();
            assertThat(redis.sync().exists(prefix + "rate:health-probe"))
                    .as("the health probe creates no bucket")
                    .isZero();
        }
        assertThat(limiter.consume(Category.SEARCH, "ip:9").remaining()).isEqualTo(3);
    }

    @Test
    void aQueuedCategoryWaitsForItsTurnUpToTheQueueSize() throws Exception {
        // Two requests a second; a third may wait for the next token, and only one may wait at a time.
        RateLimiter limiter = limiter(limits(2, Duration.ofSeconds(1), Duration.ofSeconds(3), 1), false);
        assertThat(limiter.consume(Category.AI_CHAT, "user:a").allowed()).isTrue();
        assertThat(limiter.consume(Category.AI_CHAT, "user:a").allowed()).isTrue();

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Callable<Boolean> call =
                    () -> limiter.consume(Category.AI_CHAT, "user:a").allowed();
            List<Future<Boolean>> waiting = List.of(callers.submit(call), callers.submit(call), callers.submit(call));
            long allowed = 0;
            for (Future<Boolean> outcome : waiting) {
                allowed += outcome.get() ? 1 : 0;
            }
            assertThat(allowed)
                    .as("one waited for its turn, the others found the queue full")
                    .isBetween(1L, 2L);
        }
        RateLimitProperties.Limit over =
                limits(1, Duration.ofMinutes(10), Duration.ofSeconds(1), 5).limit(Category.AI_CHAT);
        RateLimiter slow = limiter(limits(1, Duration.ofMinutes(10), Duration.ofSeconds(1), 5), false);
        slow.consume(Category.AI_CHAT, "user:b");
        RateLimiter.Decision refused = slow.consume(Category.AI_CHAT, "user:b");
        assertThat(refused.allowed())
                .as("the next token is further away than the longest wait")
                .isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(590L, over.window().toSeconds());
    }

    private RateLimiter limiter(RateLimitProperties properties, boolean shared) {
        return new RateLimiter(properties, shared ? this::buckets : null, prefix);
    }

    private StatefulRedisConnection<String, byte[]> buckets() {
        return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    private static RateLimitProperties limits(int requests, Duration window, Duration maxWait, int maxQueue) {
        Map<String, RateLimitProperties.Limit> categories = new LinkedHashMap<>();
        Arrays.stream(Category.values())
                .forEach(category -> categories.put(
                        category.code(), new RateLimitProperties.Limit(requests, window, maxWait, maxQueue)));
        return new RateLimitProperties(true, categories);
    }
}
