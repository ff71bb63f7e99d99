package io.psicoia.domain.admission;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code maxPerKey} messages of one key accepted and not yet answered ({@code PER_USER_MAX}). Beyond it a new
 * message is refused at once.
 */
public final class PerKeyInFlightLimiter {

    private final int maxPerKey;
    private final ConcurrentHashMap<String, Count> inFlight = new ConcurrentHashMap<>();

    public PerKeyInFlightLimiter(int maxPerKey) {
        if (maxPerKey < 1) {
            throw new IllegalArgumentException("maxPerKey must be >= 1");
        }
        this.maxPerKey = maxPerKey;
    }

    /** Takes a slot for {@code key}; false when it already has {@code maxPerKey}. */
    public boolean tryAcquire(String key) {
        return acquire(key, false);
    }

    /**
     * Takes a slot for {@code key} even when it already has {@code maxPerKey} (a message that shows risk is never
     * refused); it is given back with {@link #release} like any other.
     */
    public void forceAcquire(String key) {
        acquire(key, true);
    }

    private boolean acquire(String key, boolean force) {
        Objects.requireNonNull(key, "key");
        while (true) {
            Count count = inFlight.get(key);
            if (count == null) {
                Count fresh = new Count();
                count = inFlight.putIfAbsent(key, fresh);
                if (count == null) {
                    count = fresh;
                }
            }
            synchronized (count) {
                if (count.removed) {
                    continue; // dropped at zero meanwhile: start a new one
                }
                if (count.value >= maxPerKey && !force) {
                    return false;
                }
                count.value++;
                return true;
            }
        }
    }

    /** Gives back one slot of {@code key}. */
    public void release(String key) {
        Count count = inFlight.get(key);
        if (count == null) {
            return;
        }
        synchronized (count) {
            if (!count.removed && --count.value <= 0) {
                count.removed = true;
                inFlight.remove(key, count);
            }
        }
    }

    /** Slots held by {@code key} right now. */
    public int inFlight(String key) {
        Count count = inFlight.get(key);
        if (count == null) {
            return 0;
        }
        synchronized (count) {
            return count.removed ? 0 : count.value;
        }
    }

    /** One key's slots, guarded by its own monitor; removed from the map (and marked so) when it reaches zero. */
    private static final class Count {
        private int value;
        private boolean removed;
    }
}
