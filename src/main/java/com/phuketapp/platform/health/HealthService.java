package com.phuketapp.platform.health;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.phuketapp.platform.DependencyCheck;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Probes every dependency at once, each bounded by a timeout, and sums them up. A report answers every caller for
 * {@code phuket.health.report-fresh-for}; callers who come while one is being made wait for it rather than probe again.
 */
@Service
class HealthService {

    private static final Logger log = LoggerFactory.getLogger(HealthService.class);

    private final List<DependencyCheck> checks;
    private final Duration timeout;
    private final LoadingCache<Boolean, Report> reports;

    HealthService(List<DependencyCheck> checks, HealthProperties properties) {
        this.checks = checks;
        this.timeout = properties.checkTimeout();
        this.reports = Caffeine.newBuilder()
                .expireAfterWrite(properties.reportFreshFor())
                .build(ignored -> probe());
    }

    enum Status {
        UP,
        DEGRADED,
        DOWN
    }

    record CheckResult(String status, boolean required, long latencyMs, String detail) {}

    record Report(Status status, Map<String, CheckResult> checks) {}

    Report report() {
        return reports.get(Boolean.TRUE);
    }

    private Report probe() {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<DependencyCheck, Future<CheckResult>> running = new LinkedHashMap<>();
            checks.forEach(check -> running.put(check, executor.submit(() -> run(check))));
            Map<String, CheckResult> results = new LinkedHashMap<>();
            running.forEach((check, future) -> results.put(check.name(), await(check, future)));
            return new Report(overall(results), results);
        }
    }

    private static CheckResult run(DependencyCheck check) {
        long start = System.nanoTime();
        DependencyCheck.Probe probe;
        try {
            probe = check.probe();
        } catch (Exception failure) {
            log.warn("Health check {} failed: {}", check.name(), failure.toString());
            probe = new DependencyCheck.Probe(false, "unreachable");
        }
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new CheckResult(probe.up() ? "UP" : "DOWN", check.required(), latency, probe.detail());
    }

    private CheckResult await(DependencyCheck check, Future<CheckResult> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            future.cancel(true);
            return new CheckResult("DOWN", check.required(), timeout.toMillis(), "timed out");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new CheckResult("DOWN", check.required(), 0, "interrupted");
        } catch (Exception failure) {
            return new CheckResult("DOWN", check.required(), 0, "failed");
        }
    }

    private static Status overall(Map<String, CheckResult> results) {
        boolean requiredDown = results.values().stream()
                .anyMatch(r -> r.required() && r.status().equals("DOWN"));
        boolean anyDown = results.values().stream().anyMatch(r -> r.status().equals("DOWN"));
        return requiredDown ? Status.DOWN : anyDown ? Status.DEGRADED : Status.UP;
    }
}
