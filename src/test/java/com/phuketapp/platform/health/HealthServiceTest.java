package com.phuketapp.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.platform.DependencyCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A flood of health requests probes the dependencies once per report, not once per request. */
class HealthServiceTest {

    private final AtomicInteger probes = new AtomicInteger();

    /** Takes a moment to answer, as a real database does, so that concurrent callers overlap. */
    private final DependencyCheck database = new DependencyCheck() {
        @Override
        public String name() {
            return "database";
        }

        @Override
        public boolean required() {
            return true;
        }

        @Override
        public Probe probe() throws Exception {
            probes.incrementAndGet();
            Thread.sleep(200);
            return new Probe(true, "postgresql");
        }
    };

    @Test
    void concurrentCallersShareOneProbeWhileTheReportIsFresh() throws Exception {
        HealthService health = new HealthService(
                List.of(database), new HealthProperties(Duration.ofSeconds(2), Duration.ofMinutes(1)));
        List<Future<HealthService.Report>> reports = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                reports.add(callers.submit(health::report));
            }
        }
        for (Future<HealthService.Report> report : reports) {
            assertThat(report.get().status()).isEqualTo(HealthService.Status.UP);
        }
        assertThat(probes).hasValue(1);
        health.report();
        assertThat(probes).hasValue(1);
    }

    @Test
    void withNoFreshnessEveryCallProbes() {
        HealthService health =
                new HealthService(List.of(database), new HealthProperties(Duration.ofSeconds(2), Duration.ZERO));
        health.report();
        health.report();
        assertThat(probes).hasValue(2);
    }
}
