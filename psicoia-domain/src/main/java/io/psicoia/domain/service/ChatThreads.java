package io.psicoia.domain.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The executors a {@link ChatService} runs on: named daemon threads, so they never keep a process alive. */
public final class ChatThreads {

    private ChatThreads() {}

    /**
     * Where model calls run ({@link ChatService.Builder#worker}): up to {@code maxThreads} threads (give it the
     * service's {@code maxInFlight}: the service never runs more calls at once) taking tasks from one queue, each
     * ending after a minute idle. A queue rather than a hand-off: a busy service reuses the threads it has instead of
     * starting new ones whenever none happens to be waiting at that instant.
     */
    public static ExecutorService workers(String prefix, int maxThreads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                maxThreads, maxThreads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons(prefix));
        pool.allowCoreThreadTimeOut(true);
        return pool;
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
