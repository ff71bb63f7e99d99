package io.psicoia.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A one-way signal that a piece of work is no longer wanted (the person cancelled, or disconnected). Whoever does the
 * work checks {@link #isCancelled()} or registers a callback with {@link #onCancel(Runnable)}.
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    /** A signal that nobody will ever fire. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Fires the signal; callbacks run once, on the calling thread. Later calls do nothing. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Runnable callback : callbacks) {
                callback.run();
            }
            callbacks.clear();
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs {@code callback} when the signal fires, or at once if it already has.
     *
     * @return a handle that unregisters the callback when the work it guards is over
     */
    public Registration onCancel(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        callbacks.add(callback);
        if (cancelled.get() && callbacks.remove(callback)) {
            callback.run();
        }
        return () -> callbacks.remove(callback);
    }

    /** A registered callback; closing it unregisters the callback (it is then never run). */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public String toString() {
        return "Cancellation[cancelled=" + cancelled.get() + "]";
    }
}
