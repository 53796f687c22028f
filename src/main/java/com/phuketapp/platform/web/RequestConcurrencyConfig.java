package com.phuketapp.platform.web;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Bounds how many requests are in progress at once. With virtual threads Tomcat would otherwise start every request
 * that arrives: a thousand connections mean a thousand requests in progress, each holding Tomcat's buffers (~90 KiB)
 * while it waits for the database or Redis, and the heap spends its time in full collections. Beyond the bound a
 * request waits its turn, in order, before Tomcat reads it: a parked virtual thread of a few frames.
 */
@Configuration(proxyBeanMethods = false)
class RequestConcurrencyConfig {

    @Bean
    BoundedRequestConcurrency boundedRequestConcurrency(WebProperties properties) {
        return new BoundedRequestConcurrency(properties.maxConcurrentRequests());
    }

    /** Runs after Boot's customizer that hands Tomcat its virtual-thread executor, and wraps that executor. */
    record BoundedRequestConcurrency(int limit)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            // Without virtual threads Tomcat's own pool (server.tomcat.threads.max) is the bound already.
            factory.addProtocolHandlerCustomizers(protocol -> {
                if (protocol.getExecutor() != null) {
                    protocol.setExecutor(new BoundedExecutor(protocol.getExecutor(), limit));
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Runs each task on the given executor once one of {@code limit} permits is free; waiters are served in order. */
    static final class BoundedExecutor implements Executor {

        private final Executor threads;
        private final Semaphore permits;

        BoundedExecutor(Executor threads, int limit) {
            if (limit < 1) {
                // No permit at all would leave every request waiting for ever.
                throw new IllegalArgumentException("phuket.web.max-concurrent-requests must be at least 1: " + limit);
            }
            this.threads = threads;
            this.permits = new Semaphore(limit, true);
        }

        @Override
        public void execute(Runnable task) {
            threads.execute(() -> {
                permits.acquireUninterruptibly();
                try {
                    task.run();
                } finally {
                    permits.release();
                }
            });
        }
    }
}
