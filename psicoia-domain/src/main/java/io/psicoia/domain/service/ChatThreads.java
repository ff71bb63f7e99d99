package io.psicoia.domain.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The executors a {@link ChatService} runs on: named daemon threads, so they never keep a process alive. */
public final class ChatThreads {

    private ChatThreads() {}

    /**
     * Where model calls run ({@link ChatService.Builder#worker}). A cached pool: the service admits at most
     * {@code maxInFlight} calls at once, so it stays that small, and idle threads go away after a minute.
     */
    public static ExecutorService workers(String prefix) {
        return Executors.newCachedThreadPool(daemons(prefix));
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
