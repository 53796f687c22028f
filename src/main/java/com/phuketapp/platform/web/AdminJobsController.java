package com.phuketapp.platform.web;

import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import com.phuketapp.platform.RateLimited;
import com.phuketapp.platform.jobs.DeadLetters;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins: jobs that gave up (a notification that never got through, say), and replaying them. */
@RestController
@RequestMapping("/v1/admin/jobs/dead-letters")
@RateLimited(RateLimited.Category.ADMIN)
class AdminJobsController {

    private final DeadLetters deadLetters;

    AdminJobsController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Newest first; {@code job} keeps one kind ({@code notification}, {@code payment-refund}, …). */
    @GetMapping
    PageResult<DeadLetters.DeadLetter> list(@RequestParam(required = false) @Nullable String job, PageQuery page) {
        return deadLetters.list(job, page);
    }

    /**
     * Replays the dead letters of one job, oldest first, up to {@value DeadLetters#REPLAY_AT_ONCE} a call: after an
     * outage or a broken key. Answers how many were queued again.
     */
    @PostMapping("/replay")
    Map<String, Integer> replayAll(@RequestParam String job) {
        return Map.of("replayed", deadLetters.replayAll(job));
    }

    /** Queues the job again with a fresh set of attempts; the dead letter is gone. */
    @PostMapping("/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void replay(@PathVariable UUID id) {
        deadLetters.replay(id);
    }
}
