package com.phuketapp.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.remote.CommandResult;
import io.github.bucket4j.distributed.remote.RemoteCommand;
import io.github.bucket4j.distributed.remote.Request;
import io.github.bucket4j.distributed.remote.commands.CreateInitialStateAndExecuteCommand;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Bucket4j's compare-and-swap buckets in Redis (a GET, then a script that writes only if nobody wrote meanwhile),
 * which create a missing bucket in the same two round trips. Bucket4j's own proxy first asks for the bucket, hears
 * "not found" and starts over with its initial state: three round trips, and most callers' buckets are missing,
 * because a bucket left alone for a few seconds after it is full again expires.
 */
final class SharedBuckets extends LettuceBasedProxyManager<String> {

    private final Function<String, @Nullable BucketConfiguration> configurationOfKey;

    /**
     * @param configurationOfKey the configuration of the bucket under a key, {@code null} for a key that is no
     *     bucket of ours (those are left to Bucket4j as they are)
     */
    SharedBuckets(
            StatefulRedisConnection<String, byte[]> connection,
            Function<String, @Nullable BucketConfiguration> configurationOfKey) {
        super(Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10))));
        this.configurationOfKey = configurationOfKey;
    }

    @Override
    public <T> CommandResult<T> execute(String key, Request<T> request) {
        RemoteCommand<T> command = request.getCommand();
        BucketConfiguration configuration = configurationOfKey.apply(key);
        if (configuration == null || command.isInitializationCommand()) {
            return super.execute(key, request);
        }
        Request<T> createIfMissing = new Request<>(
                new CreateInitialStateAndExecuteCommand<>(configuration, command),
                request.getBackwardCompatibilityVersion(),
                request.getClientSideTime(),
                request.getExpirationStrategy());
        return super.execute(key, createIfMissing);
    }
}
