package com.phuketapp.identity.domain;

import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.ErrorCode;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt on a small fixed pool with a bounded queue. A hash takes a quarter of a second of CPU at cost 12; run on the
 * request's own (virtual) thread, a burst of logins would occupy every core and starve every other request. The
 * pool's threads run under {@link IdleScheduling}, so other requests take the cores from them whenever they need.
 * Callers wait here holding no database connection. A full queue is a 503, not an ever-growing backlog.
 */
public final class PasswordHasher implements AutoCloseable {

    private static final ThreadFactory BCRYPT_THREADS =
            Thread.ofPlatform().name("bcrypt-", 0).daemon().factory();

    private final BCryptPasswordEncoder bcrypt;
    private final ThreadPoolExecutor pool;
    /** Checked against when the email is unknown, so that such a login takes as long as a wrong password. */
    private final String decoy;

    public PasswordHasher(int cost, int threads, int queue) {
        this.bcrypt = new BCryptPasswordEncoder(cost);
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue),
                // Browsing goes first: the bcrypt threads use only the CPU time nothing else wants.
                work -> BCRYPT_THREADS.newThread(() -> {
                    IdleScheduling.applyToCurrentThread();
                    work.run();
                }),
                new ThreadPoolExecutor.AbortPolicy());
        this.decoy = bcrypt.encode("decoy password that no account has");
    }

    public String hash(String password) {
        return run(() -> bcrypt.encode(password));
    }

    /** Whether {@code password} matches {@code hash}; with no hash it still spends the time of one check. */
    public boolean matches(String password, @Nullable String hash) {
        boolean matches = run(() -> bcrypt.matches(password, hash == null ? decoy : hash));
        return hash != null && matches;
    }

    /** Hashes and checks waiting for a thread or running on one ({@code phuket_passwords_pending}). */
    public int pending() {
        return pool.getQueue().size() + pool.getActiveCount();
    }

    private <T> T run(Callable<T> work) {
        try {
            return pool.submit(work).get();
        } catch (RejectedExecutionException overloaded) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
        } catch (ExecutionException failure) {
            throw new IllegalStateException("bcrypt failed", failure.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
