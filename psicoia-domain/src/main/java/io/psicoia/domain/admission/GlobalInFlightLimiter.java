package io.psicoia.domain.admission;

import io.psicoia.domain.model.Cancellation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process-wide cap on concurrent model calls ({@code MAX_IN_FLIGHT}). When every slot is taken, callers wait in a
 * strictly first-come, first-served queue: a freed slot is handed to the oldest waiter. A caller that has waited
 * {@code noticeAfter} is told so once, and one that has waited {@code timeout} gives up: nobody waits in silence and
 * nobody waits forever. A cancelled caller leaves the queue at once.
 */
public final class GlobalInFlightLimiter {

    private final int maxInFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Waiter> queue = new ArrayDeque<>();
    private int available;

    public GlobalInFlightLimiter(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1");
        }
        this.maxInFlight = maxInFlight;
        this.available = maxInFlight;
    }

    /**
     * Waits for a slot.
     *
     * @param noticeAfter after this long without a slot, {@code onQueued} runs once (outside any lock)
     * @param timeout total time to wait before giving up
     * @param onQueued tells the person that their message is waiting
     * @param cancellation stops the wait when fired
     * @return true with a slot held (give it back with {@link #release()}); false when the wait timed out or was
     *     cancelled
     * @throws InterruptedException if the thread is interrupted while waiting (no slot is held then)
     */
    public boolean acquire(Duration noticeAfter, Duration timeout, Runnable onQueued, Cancellation cancellation)
            throws InterruptedException {
        Objects.requireNonNull(onQueued, "onQueued");
        Objects.requireNonNull(cancellation, "cancellation");
        Waiter waiter;
        lock.lock();
        try {
            if (available > 0 && queue.isEmpty()) {
                available--;
                return true;
            }
            waiter = new Waiter(lock.newCondition());
            queue.addLast(waiter);
        } finally {
            lock.unlock();
        }
        try (Cancellation.Registration registration = cancellation.onCancel(() -> wake(waiter))) {
            return await(waiter, noticeAfter, timeout, onQueued, cancellation);
        }
    }

    private boolean await(
            Waiter waiter, Duration noticeAfter, Duration timeout, Runnable onQueued, Cancellation cancellation)
            throws InterruptedException {

        long start = System.nanoTime();
        long noticeAt = start + noticeAfter.toNanos();
        long deadline = start + timeout.toNanos();
        boolean noticed = false;
        while (true) {
            boolean noticeDue = false;
            lock.lock();
            try {
                while (!waiter.granted && !cancellation.isCancelled()) {
                    long now = System.nanoTime();
                    if (now - deadline >= 0) {
                        break;
                    }
                    if (!noticed && now - noticeAt >= 0) {
                        noticeDue = true;
                        break;
                    }
                    long until = noticed ? deadline : Math.min(noticeAt, deadline);
                    waiter.condition.awaitNanos(until - now);
                }
                if (!noticeDue) {
                    if (waiter.granted) {
                        return true;
                    }
                    queue.remove(waiter);
                    return false;
                }
            } catch (InterruptedException e) {
                if (waiter.granted) {
                    releaseLocked();
                } else {
                    queue.remove(waiter);
                }
                throw e;
            } finally {
                lock.unlock();
            }
            noticed = true;
            onQueued.run();
        }
    }

    /** Gives back a slot; the oldest waiter, if any, gets it. */
    public void release() {
        lock.lock();
        try {
            releaseLocked();
        } finally {
            lock.unlock();
        }
    }

    private void releaseLocked() {
        Waiter next = queue.pollFirst();
        if (next == null) {
            if (available >= maxInFlight) {
                throw new IllegalStateException("released more slots than were acquired");
            }
            available++;
        } else {
            next.granted = true;
            next.condition.signal();
        }
    }

    private void wake(Waiter waiter) {
        lock.lock();
        try {
            waiter.condition.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Slots taken right now. */
    public int inFlight() {
        lock.lock();
        try {
            return maxInFlight - available;
        } finally {
            lock.unlock();
        }
    }

    /** Callers waiting for a slot right now. */
    public int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private static final class Waiter {
        private final Condition condition;
        private boolean granted;

        private Waiter(Condition condition) {
            this.condition = condition;
        }
    }
}
