package io.psicoia.adapter.llm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes the wrapped stream when a single {@code read} stays blocked longer than the idle timeout, which wakes the
 * reader. Time the caller spends between reads (handing a delta on) does not count. One daemon thread, shared by all
 * streams, does the watching: no thread per call, nothing to shut down.
 */
final class IdleTimeoutInputStream extends FilterInputStream {

    private static final long NOT_READING = Long.MIN_VALUE;

    private final long timeoutNanos;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean timedOut;
    private volatile long readStartedNanos = NOT_READING;
    private ScheduledFuture<?> check;

    private IdleTimeoutInputStream(InputStream in, Duration timeout) {
        super(in);
        this.timeoutNanos = timeout.toNanos();
    }

    /** Wraps {@code in} and starts watching it. */
    static IdleTimeoutInputStream watch(InputStream in, Duration timeout) {
        IdleTimeoutInputStream stream = new IdleTimeoutInputStream(in, timeout);
        stream.schedule(stream.timeoutNanos);
        return stream;
    }

    /** Whether the watchdog closed the stream. */
    boolean timedOut() {
        return timedOut;
    }

    @Override
    public int read() throws IOException {
        readStartedNanos = System.nanoTime();
        try {
            return super.read();
        } finally {
            readStartedNanos = NOT_READING;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        readStartedNanos = System.nanoTime();
        try {
            return in.read(b, off, len);
        } finally {
            readStartedNanos = NOT_READING;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            synchronized (this) {
                if (check != null) {
                    check.cancel(false);
                }
            }
            super.close();
        }
    }

    private synchronized void schedule(long delayNanos) {
        if (!closed.get()) {
            check = Watchdog.SCHEDULER.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        if (closed.get()) {
            return;
        }
        long started = readStartedNanos;
        if (started == NOT_READING) {
            schedule(timeoutNanos);
            return;
        }
        long idle = System.nanoTime() - started;
        if (idle >= timeoutNanos) {
            timedOut = true;
            try {
                close();
            } catch (IOException | RuntimeException e) {
                // Closing only wakes the reader; a failure here changes nothing.
            }
        } else {
            schedule(timeoutNanos - idle);
        }
    }

    /** The one shared daemon thread. */
    private static final class Watchdog {
        static final ScheduledExecutorService SCHEDULER = create();

        private static ScheduledExecutorService create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "psicoia-llm-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }
}
