package io.psicoia.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A one-way signal that a piece of work is no longer wanted (the person cancelled, or disconnected). Whoever does the
 * work checks {@link #isCancelled()} or registers a callback with {@link #onCancel(Runnable)}.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    /** Callbacks waiting for the signal; made on the first registration (most messages never register one). */
    private List<Runnable> callbacks;

    /** A signal that nobody will ever fire. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Fires the signal; callbacks run once, on the calling thread, outside any lock. Later calls do nothing. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = callbacks;
            callbacks = null;
        }
        if (toRun != null) {
            for (Runnable callback : toRun) {
                callback.run();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code callback} when the signal fires, or at once if it already has.
     *
     * @return a handle that unregisters the callback when the work it guards is over
     */
    public Registration onCancel(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (this) {
            if (!cancelled) {
                if (callbacks == null) {
                    callbacks = new ArrayList<>(2);
                }
                callbacks.add(callback);
                return () -> unregister(callback);
            }
        }
        callback.run();
        return () -> {};
    }

    private synchronized void unregister(Runnable callback) {
        if (callbacks != null) {
            // By identity: the same lambda may be registered twice and each registration removes its own.
            for (int i = 0; i < callbacks.size(); i++) {
                if (callbacks.get(i) == callback) {
                    callbacks.remove(i);
                    return;
                }
            }
        }
    }

    /** A registered callback; closing it unregisters the callback (it is then never run). */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public String toString() {
        return "Cancellation[cancelled=" + cancelled + "]";
    }
}
