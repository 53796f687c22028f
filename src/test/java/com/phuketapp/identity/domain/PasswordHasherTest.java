package com.phuketapp.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void checksMatchOnlyTheRightPasswordAndAnUnknownHashNever() {
        try (PasswordHasher hasher = new PasswordHasher(4, 1, 10)) {
            String hash = hasher.hash("sunny-beach-2026");

            assertThat(hasher.matches("sunny-beach-2026", hash)).isTrue();
            assertThat(hasher.matches("rainy-beach-2026", hash)).isFalse();
            assertThat(hasher.matches("decoy password that no account has", null))
                    .isFalse();
        }
    }

    @Test
    void pendingCountsTheChecksWaitingAndRunningUntilTheyAreDone() throws Exception {
        try (PasswordHasher hasher = new PasswordHasher(10, 1, 10);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> checks = checksAtOnce(hasher, callers, 4);

            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> hasher.pending() >= 2);
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
            // A caller has its answer a moment before the pool's thread counts itself idle again.
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> hasher.pending() == 0);
        }
    }

    @Test
    void aFullQueueAnswersServiceUnavailableInsteadOfGrowing() throws Exception {
        try (PasswordHasher hasher = new PasswordHasher(10, 1, 1);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> checks = checksAtOnce(hasher, callers, 6);

            int refused = 0;
            for (Future<Boolean> check : checks) {
                try {
                    assertThat(check.get()).isTrue();
                } catch (java.util.concurrent.ExecutionException failure) {
                    assertThat(failure.getCause()).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
                    refused++;
                }
            }
            assertThat(refused).isPositive();
        }
    }

    @Test
    void theBcryptThreadsRunOnlyWhenNothingElseWantsTheCpu() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        try (PasswordHasher hasher = new PasswordHasher(4, 2, 10)) {
            hasher.hash("sunny-beach-2026");

            List<Integer> policies = new ArrayList<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    if (threadName(task).startsWith("bcrypt-")) {
                        policies.add(schedulingPolicy(task));
                    }
                }
            }
            assertThat(policies).isNotEmpty().containsOnly(SCHED_IDLE);
        }
    }

    /** Starts {@code count} checks of the right password from as many callers. */
    private static List<Future<Boolean>> checksAtOnce(PasswordHasher hasher, ExecutorService callers, int count) {
        String hash = hasher.hash("sunny-beach-2026");
        List<Future<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            checks.add(callers.submit(() -> hasher.matches("sunny-beach-2026", hash)));
        }
        return checks;
    }

    private static final int SCHED_IDLE = 5;

    /**
     * The thread's name, or "" once it has ended: other threads of the test JVM come and go while the list is read;
     * the hasher's own stay until it is closed.
     */
    private static String threadName(Path task) throws java.io.IOException {
        try {
            return Files.readString(task.resolve("comm"));
        } catch (java.nio.file.NoSuchFileException ended) {
            return "";
        }
    }

    /** Field 41 of the thread's stat line (proc(5)), counted after the parenthesised name, which may hold spaces. */
    private static int schedulingPolicy(Path task) throws java.io.IOException {
        String stat = Files.readString(task.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[41 - 3]);
    }
}
