package io.psicoia.domain.admission;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process-wide cap on concurrent model calls ({@code MAX_IN_FLIGHT}), as a strictly first-come, first-served
 * queue that never blocks a thread: a caller reserves a place and is called back when a slot is its own. A freed slot
 * goes to the oldest urgent reservation still waiting (a message that shows risk), otherwise to the oldest one.
 * Callbacks never run under the limiter's lock.
 */
public final class GlobalInFlightLimiter {

    private final int maxInFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Waiting> queue = new ArrayDeque<>();
    /** Urgent reservations, served before {@link #queue}; usually empty. */
    private final Deque<Waiting> urgent = new ArrayDeque<>();

    private int available;

    public GlobalInFlightLimiter(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1");
        }
        this.maxInFlight = maxInFlight;
        this.available = maxInFlight;
    }

    /**
     * Asks for a slot.
     *
     * @param onGranted runs exactly once when the slot is given: before this method returns when one is free, or later
     *     on the thread that calls {@link #release()}; whoever receives it must call {@link #release()} once
     * @return the place in the queue, which can be given up while it is still waiting
     */
    public Reservation reserve(Runnable onGranted) {
        return reserve(onGranted, false);
    }

    /**
     * Asks for a slot, as {@link #reserve(Runnable)}; an urgent reservation waits only behind earlier urgent ones.
     */
    public Reservation reserve(Runnable onGranted, boolean isUrgent) {
        Objects.requireNonNull(onGranted, "onGranted");
        Waiting waiting = new Waiting(onGranted);
        boolean grantNow;
        lock.lock();
        try {
            grantNow = available > 0 && queue.isEmpty() && urgent.isEmpty();
            if (grantNow) {
                available--;
                waiting.granted = true;
            } else {
                (isUrgent ? urgent : queue).addLast(waiting);
            }
        } finally {
            lock.unlock();
        }
        if (grantNow) {
            onGranted.run();
        }
        return waiting;
    }

    /** Gives back a slot; the oldest waiting reservation, if any, gets it (its callback runs on this thread). */
    public void release() {
        Waiting next;
        lock.lock();
        try {
            next = urgent.isEmpty() ? queue.pollFirst() : urgent.pollFirst();
            if (next == null) {
                if (available >= maxInFlight) {
                    throw new IllegalStateException("released more slots than were granted");
                }
                available++;
            } else {
                next.granted = true;
            }
        } finally {
            lock.unlock();
        }
        if (next != null) {
            next.onGranted.run();
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

    /** Reservations waiting for a slot right now. */
    public int waiting() {
        lock.lock();
        try {
            return queue.size() + urgent.size();
        } finally {
            lock.unlock();
        }
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /** A place in the queue. */
    public interface Reservation {

        /**
         * Leaves the queue if still waiting.
         *
         * @return true when the reservation was waiting and now never will be granted; false when it was already
         *     granted (the holder must then release the slot as usual)
         */
        boolean cancel();

        /** Whether the slot has been given. */
        boolean granted();
    }

    private final class Waiting implements Reservation {
        private final Runnable onGranted;
        private boolean granted;

        private Waiting(Runnable onGranted) {
            this.onGranted = onGranted;
        }

        @Override
        public boolean cancel() {
            lock.lock();
            try {
                return !granted && (queue.remove(this) || urgent.remove(this));
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean granted() {
            lock.lock();
            try {
                return granted;
            } finally {
                lock.unlock();
            }
        }
    }
}
