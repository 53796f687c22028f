package com.phuketapp.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Sends requests from many threads released at the same instant, as a burst of travellers would. */
public final class AllAtOnce {

    private AllAtOnce() {}

    /** @param request the i-th request (0 ≤ i < count) @return the answers, in the order of i */
    public static List<Http.Response> send(int count, IntFunction<Http.Response> request)
            throws InterruptedException, ExecutionException {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return request.apply(index);
                }));
            }
            go.countDown();
        }
        List<Http.Response> responses = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            responses.add(answer.get());
        }
        return responses;
    }
}
