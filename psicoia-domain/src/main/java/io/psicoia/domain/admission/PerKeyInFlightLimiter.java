package io.psicoia.domain.admission;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code maxPerKey} messages of one key accepted and not yet answered ({@code PER_USER_MAX}). Beyond it a new
 * message is refused at once.
 */
public final class PerKeyInFlightLimiter {

    private final int maxPerKey;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    public PerKeyInFlightLimiter(int maxPerKey) {
        if (maxPerKey < 1) {
            throw new IllegalArgumentException("maxPerKey must be >= 1");
        }
        this.maxPerKey = maxPerKey;
    }

    /** Takes a slot for {@code key}; false when it already has {@code maxPerKey}. */
    public boolean tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        boolean[] acquired = new boolean[1];
        inFlight.compute(key, (k, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerKey) {
                return current;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    /** Gives back one slot of {@code key}. */
    public void release(String key) {
        inFlight.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    /** Slots held by {@code key} right now. */
    public int inFlight(String key) {
        return inFlight.getOrDefault(key, 0);
    }
}
