package com.phuketapp.platform.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.phuketapp.platform.PartialJobFailure;
import com.phuketapp.platform.PermanentJobFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a failed attempt: try again after an exponentially growing, jittered wait; after the last attempt, or when the
 * failure is permanent, keep the job as a dead letter and stop.
 */
final class RetryThenDeadLetter<T> implements FailureHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(RetryThenDeadLetter.class);

    private final JobsProperties properties;
    private final DeadLetterStore deadLetters;

    RetryThenDeadLetter(JobsProperties properties, DeadLetterStore deadLetters) {
        this.properties = properties;
        this.deadLetters = deadLetters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int attempts = complete.getExecution().consecutiveFailures + 1;
        Throwable cause = complete.getCause().orElse(null);
        String job = complete.getExecution().getTaskName();
        String error = cause == null ? "unknown" : cause.toString();
        Object payload;
        try {
            payload = complete.getExecution().taskInstance.getData();
        } catch (RuntimeException unreadable) {
            // A payload this release cannot read (a field renamed or retyped since it was queued): no attempt can
            // succeed, and failing here would leave the job picked, revived and failed again, for ever. It is kept
            // as the text it is, for someone to look at; replaying it is refused until a release reads it.
            log.warn(
                    "Job {} {} has a payload this release cannot read; kept as a dead letter: {}",
                    job,
                    complete.getExecution().getId(),
                    unreadable.toString());
            deadLetters.keepUnreadable(job, complete.getExecution().taskInstance.getId(), attempts, error);
            operations.stop();
            return;
        }
        boolean permanent = cause instanceof PermanentJobFailure;
        if (cause instanceof PartialJobFailure partial) {
            payload = partial.remaining();
            permanent = partial.permanent();
        }
        if (permanent || attempts >= properties.maxAttempts()) {
            log.warn(
                    "Job {} {} failed for good after {} attempts: {}",
                    job,
                    complete.getExecution().getId(),
                    attempts,
                    error);
            // Kept first, removed after: a crash in between runs the job once more rather than losing it.
            deadLetters.keep(job, payload, attempts, error);
            operations.stop();
            return;
        }
        Duration wait = backoff(attempts);
        log.info(
                "Job {} {} failed (attempt {}), retrying in {}: {}",
                job,
                complete.getExecution().getId(),
                attempts,
                wait,
                error);
        operations.reschedule(complete, Instant.now().plus(wait), (T) payload);
    }

    /** initial × 2^(attempts − 1), capped, then between 50 % and 100 % of that ("equal jitter"). */
    Duration backoff(int attempts) {
        long initial = properties.initialBackoff().toMillis();
        long capped = Math.min(properties.maxBackoff().toMillis(), initial << Math.min(attempts - 1, 30));
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
