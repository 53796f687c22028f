package com.phuketapp.platform.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The contract's two body shapes. */
final class Envelopes {

    private Envelopes() {}

    record Meta(String requestId, Instant timestamp) {
        static Meta of(String requestId) {
            return new Meta(requestId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    record Success(@Nullable Object data, Meta meta) {}

    record Detail(String field, String message) {}

    record ErrorBody(String code, String message, List<Detail> details) {}

    record Failure(ErrorBody error, Meta meta) {}
}
