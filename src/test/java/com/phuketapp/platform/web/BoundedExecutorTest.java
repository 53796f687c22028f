package com.phuketapp.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedExecutorTest {

    @Test
    void runsAtMostItsLimitAtOnceAndTheRestInTurn() throws Exception {
        var executor = new RequestConcurrencyConfig.BoundedExecutor(Executors.newVirtualThreadPerTaskExecutor(), 3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            executor.execute(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.countDown();
            });
        }
        Thread.sleep(200);
        assertThat(running.get()).isEqualTo(3);

        release.countDown();

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(mostAtOnce.get()).isEqualTo(3);
    }

    @Test
    void aTaskThatFailsGivesItsTurnBack() throws Exception {
        var executor = new RequestConcurrencyConfig.BoundedExecutor(Executors.newVirtualThreadPerTaskExecutor(), 1);
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);

        executor.execute(() -> {
            throw new IllegalStateException("a request that blew up");
        });
        executor.execute(() -> {
            ran.add("next");
            done.countDown();
        });

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("next");
    }

    @Test
    void refusesALimitThatWouldLetNoRequestIn() {
        assertThatThrownBy(() -> new RequestConcurrencyConfig.BoundedExecutor(Runnable::run, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-concurrent-requests");
    }
}
