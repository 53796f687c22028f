package com.phuketapp.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.phuketapp.identity.domain.SigningKeys;
import com.phuketapp.support.IntegrationTest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Key rotation while logins are in their transactions: nobody waits on anybody for good. */
class SigningKeyRotationTest extends IntegrationTest {

    @Autowired
    private SigningKeys keys;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aRotationInsideALoginsTransactionDoesNotBlockAnotherRotation() throws Exception {
        CountDownLatch firstRotated = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> login = threads.submit(() -> transaction.executeWithoutResult(status -> {
            keys.rotate();
            firstRotated.countDown();
            await(secondWaiting);
            // Still inside the first transaction: rotating again needs the rotation lock the other one holds.
            keys.rotate();
        }));
        assertThat(firstRotated.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> other = threads.submit(keys::rotate);
        // The other rotation either finishes or gets stuck behind the first login's transaction.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> other.isDone() || waitingForALock());
        secondWaiting.countDown();

        try {
            login.get(20, TimeUnit.SECONDS);
            other.get(20, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(keys.active().getKeyID()).isNotBlank();
    }

    private boolean waitingForALock() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted)")
                .query(Boolean.class)
                .single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
