package io.psicoia.domain.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The executors a {@link ChatService} runs on: named daemon threads, so they never keep a process alive. */
public final class ChatThreads {

    private ChatThreads() {}

    /**
     * Where model calls run ({@link ChatService.Builder#worker}): up to {@code maxThreads} threads (give it the
     * service's {@code maxInFlight}: the service never runs more calls at once), each ending after a minute idle. A
     * new call goes to the most recently idle thread, so short calls keep a few warm threads busy instead of cycling
     * through all of them, while slow calls still get one thread each; a call that finds every thread busy waits for
     * the next free one (never rejected).
     */
    public static ExecutorService workers(String prefix, int maxThreads) {
        return new LifoWorkerPool(maxThreads, 60, TimeUnit.SECONDS, daemons(prefix));
    }

    /** Runs the queue's notice and timeout timers ({@link ChatService.Builder#timers}). */
    public static ScheduledExecutorService timers(String prefix) {
        return Executors.newSingleThreadScheduledExecutor(daemons(prefix));
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
