package com.phuketapp.platform.jobs;

import com.phuketapp.platform.JobQueue;
import com.phuketapp.platform.NotFoundException;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
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

    public record DeadLetter(UUID id, String job, JsonNode payload, int attempts, String lastError, Instant failedAt) {}

    /** Newest first, optionally of one job. */
    public PageResult<DeadLetter> list(@Nullable String job, PageQuery page) {
        return store.list(job, page);
    }

    /** Queues the job again, with a fresh set of attempts, and forgets the dead letter: both or neither. */
    @Transactional
    public void replay(UUID id) {
        DeadLetter letter = store.lock(id).orElseThrow(NotFoundException::new);
        queue.enqueue(letter.job(), json.treeToValue(letter.payload(), jobs.payloadType(letter.job())));
        store.delete(id);
    }
}
