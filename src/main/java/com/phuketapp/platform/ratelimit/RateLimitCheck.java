package com.phuketapp.platform.ratelimit;

import com.phuketapp.platform.DependencyCheck;
import org.springframework.stereotype.Component;

/** Whether rate limits are shared by every instance (Redis) or, during a Redis outage, counted per instance. */
@Component
class RateLimitCheck implements DependencyCheck {

    private final RateLimiter limiter;

    RateLimitCheck(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public String name() {
        return "rateLimits";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public Probe probe() {
        if (!limiter.configuredForRedis()) {
            return new Probe(true, "in-process");
        }
        return limiter.sharedThroughRedis()
                ? new Probe(true, "redis")
                : new Probe(false, "in-process while redis is unreachable");
    }
}
