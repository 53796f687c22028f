package com.phuketapp.platform.jobs;

import com.phuketapp.platform.ApiException;
import com.phuketapp.platform.ErrorCode;
import com.phuketapp.platform.InvalidInputException;
import com.phuketapp.platform.JobQueue;
import com.phuketapp.platform.NotFoundException;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jobs that gave up, kept with their payload and last error until an admin replays them. */
@Component
public class DeadLetters {

    private final DeadLetterStore store;
    private final JobQueue queue;
    private final JobCatalog jobs;
    private final JsonMapper json;

    DeadLetters(DeadLetterStore store, JobQueue queue, JobCatalog jobs, JsonMapper json) {
        this.store = store;
        this.queue = queue;
        this.jobs = jobs;
        this.json = json;
    }

    /** Dead letters one {@link #replayAll} replays at most: a transaction of bounded size. */
    public static final int REPLAY_AT_ONCE = 500;

    public record DeadLetter(UUID id, String job, JsonNode payload, int attempts, String lastError, Instant failedAt) {}

    /** Newest first, optionally of one job. */
    public PageResult<DeadLetter> list(@Nullable String job, PageQuery page) {
        return store.list(job, page);
    }

    /**
     * Queues the job again, with a fresh set of attempts, and forgets the dead letter: both or neither. A letter of a
     * job this release no longer has, or whose payload it no longer reads, cannot be replayed (409): it stays.
     */
    @Transactional
    public void replay(UUID id) {
        DeadLetter letter = store.lock(id).orElseThrow(NotFoundException::new);
        if (!requeue(letter)) {
            throw new ApiException(ErrorCode.CONFLICT, "error.jobs.notReplayable", List.of());
        }
    }

    /**
     * Replays, oldest first, up to {@link #REPLAY_AT_ONCE} dead letters of one job: what an outage or a broken key
     * left behind. Letters that cannot be replayed stay.
     *
     * @return how many were queued again (call again while it is {@link #REPLAY_AT_ONCE})
     */
    @Transactional
    public int replayAll(String job) {
        if (!jobs.has(job)) {
            throw InvalidInputException.of("job", "validation.unknownJob", String.join(", ", jobs.names()));
        }
        int replayed = 0;
        for (DeadLetter letter : store.lockOldest(job, REPLAY_AT_ONCE)) {
            replayed += requeue(letter) ? 1 : 0;
        }
        return replayed;
    }

    /** Queues the letter's job again and forgets the letter; {@code false} (and it stays) if it cannot be read. */
    private boolean requeue(DeadLetter letter) {
        Object payload;
        try {
            payload = json.treeToValue(letter.payload(), jobs.payloadType(letter.job()));
        } catch (IllegalArgumentException | JacksonException notReplayable) {
            return false;
        }
        queue.enqueue(letter.job(), payload);
        store.delete(letter.id());
        return true;
    }
}
