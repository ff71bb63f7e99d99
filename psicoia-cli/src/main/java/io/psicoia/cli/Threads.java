package io.psicoia.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads for the servers' workers and timers. */
final class Threads {

    private Threads() {}

    /** Model calls run here; the domain admits at most MAX_IN_FLIGHT at once, so the pool stays that small. */
    static ExecutorService workers(String prefix) {
        return Executors.newCachedThreadPool(named(prefix));
    }

    static ScheduledExecutorService timers(String prefix) {
        return Executors.newSingleThreadScheduledExecutor(named(prefix));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
