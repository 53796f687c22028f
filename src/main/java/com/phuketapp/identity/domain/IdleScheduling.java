package com.phuketapp.identity.domain;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux's {@code SCHED_IDLE} for the calling thread: it then runs only when no ordinary thread wants the core, and any
 * ordinary thread that wakes up takes the core from it at once. A lowered Java priority or nice value is not enough:
 * the kernel still lets such a thread finish its time slice (milliseconds) before a woken request thread runs, and a
 * request wakes up several times (database, Redis), so browsing slowed by three times during a login storm. Lowering
 * one's own scheduling class needs no privilege. Called through the JDK's foreign function API; elsewhere than on
 * Linux, or where the call is refused, the thread keeps its ordinary scheduling.
 */
final class IdleScheduling {

    private static final Logger log = LoggerFactory.getLogger(IdleScheduling.class);
    /** From {@code <sched.h>}. */
    private static final int SCHED_IDLE = 5;

    private static final @Nullable MethodHandle SCHED_SETSCHEDULER = lookUp();

    private IdleScheduling() {}

    /** Puts the calling thread under {@code SCHED_IDLE}, or says in the log why it stays as it is. */
    static void applyToCurrentThread() {
        if (SCHED_SETSCHEDULER == null) {
            return;
        }
        String refusal;
        try (Arena arena = Arena.ofConfined()) {
            // struct sched_param { int sched_priority; }, which must be 0 for SCHED_IDLE; pid 0 is the calling thread.
            int result = (int) SCHED_SETSCHEDULER.invokeExact(0, SCHED_IDLE, arena.allocate(JAVA_INT));
            if (result == 0) {
                return;
            }
            refusal = "sched_setscheduler returned " + result;
        } catch (Throwable failure) {
            refusal = failure.toString();
        }
        log.warn("Could not run {} under SCHED_IDLE: {}", Thread.currentThread().getName(), refusal);
    }

    private static @Nullable MethodHandle lookUp() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup()
                    .find("sched_setscheduler")
                    .map(function -> linker.downcallHandle(
                            function, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS)))
                    .orElse(null);
        } catch (RuntimeException unavailable) {
            log.warn("SCHED_IDLE is not available: {}", unavailable.toString());
            return null;
        }
    }
}
