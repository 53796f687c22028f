package com.phuketapp.platform;

/**
 * Something the app depends on, listed by {@code /health}. Other modules contribute their own (each outside service's
 * circuit breaker, for example) as beans of this type.
 */
public interface DependencyCheck {

    /** The key under {@code checks} in the health answer. */
    String name();

    /**
     * Whether the app is useless without it: a required dependency that is down makes the app {@code DOWN} and not
     * ready; an optional one only makes it {@code DEGRADED}.
     */
    boolean required();

    /** Probes the dependency; throwing counts as down. Called with a timeout, so it may block. */
    Probe probe() throws Exception;

    /**
     * @param up     whether it works
     * @param detail a short, non-secret description (mode, circuit state)
     */
    record Probe(boolean up, String detail) {}
}
