package com.phuketapp.platform.health;

import com.phuketapp.platform.DependencyCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Redis when configured, otherwise the in-process cache (always up). Redis is optional: without it reads go to the
 * database, so its outage degrades the app rather than taking it down.
 */
@Component
class CacheCheck implements DependencyCheck {

    private final ObjectProvider<RedisConnectionFactory> redis;

    CacheCheck(ObjectProvider<RedisConnectionFactory> redis) {
        this.redis = redis;
    }

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public Probe probe() {
        RedisConnectionFactory factory = redis.getIfAvailable();
        if (factory == null) {
            return new Probe(true, "in-process");
        }
        try (var connection = factory.getConnection()) {
            return new Probe("PONG".equals(connection.ping()), "redis");
        }
    }
}
