package com.phuketapp.platform.jobs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.phuketapp.platform.JobHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every module's job handlers, each as a db-scheduler task that retries and then dead-letters. */
final class JobCatalog {

    private final Map<String, OneTimeTask<?>> tasks = new LinkedHashMap<>();
    private final Map<String, Class<?>> payloadTypes = new LinkedHashMap<>();

    JobCatalog(List<JobHandler<?>> handlers, JobsProperties properties, DeadLetterStore deadLetters) {
        for (JobHandler<?> handler : handlers) {
            if (tasks.put(handler.name(), task(handler, properties, deadLetters)) != null) {
                throw new IllegalStateException("Two job handlers are named " + handler.name());
            }
            payloadTypes.put(handler.name(), handler.payloadType());
        }
    }

    private static <T> OneTimeTask<T> task(
            JobHandler<T> handler, JobsProperties properties, DeadLetterStore deadLetters) {
        return Tasks.oneTime(handler.name(), handler.payloadType())
                .onFailure(new RetryThenDeadLetter<>(properties, deadLetters))
                .execute((instance, context) -> {
                    try {
                        handler.handle(instance.getData());
                    } catch (RuntimeException failure) {
                        throw failure;
                    } catch (Exception failure) {
                        throw new IllegalStateException(failure);
                    }
                });
    }

    List<OneTimeTask<?>> tasks() {
        return List.copyOf(tasks.values());
    }

    Iterable<String> names() {
        return tasks.keySet();
    }

    boolean has(String job) {
        return tasks.containsKey(job);
    }

    Class<?> payloadType(String job) {
        Class<?> type = payloadTypes.get(job);
        if (type == null) {
            throw new IllegalArgumentException("No job handler named " + job);
        }
        return type;
    }
}
