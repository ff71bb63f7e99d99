package io.psicoia.domain.admission;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window rate limit: at most {@code maxMessages} accepted per {@code window} for each key. A refused attempt
 * takes no slot. Time comes from the injected clock, with millisecond precision.
 *
 * <p>Memory is bounded by the keys active within one window: a key's log is removed when it empties.
 */
public final class RateLimiter {

    /** A key's log starts small and grows only for keys that really send that much. */
    private static final int INITIAL_LOG_CAPACITY = 8;

    private final int maxMessages;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Long>> logs = new ConcurrentHashMap<>();

    public RateLimiter(int maxMessages, Duration window, Clock clock) {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be >= 1");
        }
        Objects.requireNonNull(window, "window");
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms");
        }
        this.maxMessages = maxMessages;
        this.windowMillis = window.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes a slot for {@code key} if one is free; otherwise says exactly how long until one frees up. */
    public RateDecision tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        RateDecision[] decision = new RateDecision[1];
        logs.compute(key, (k, log) -> {
            long now = clock.millis();
            Deque<Long> times = log == null ? new ArrayDeque<>(Math.min(maxMessages, INITIAL_LOG_CAPACITY)) : log;
            evictExpired(times, now);
            if (times.size() < maxMessages) {
                times.addLast(now);
                decision[0] = RateDecision.allow();
            } else {
                long wait = times.peekFirst() + windowMillis - now;
                decision[0] = RateDecision.refuse(Duration.ofMillis(Math.max(wait, 1)));
            }
            return times;
        });
        return decision[0];
    }

    /** Gives back the newest slot of {@code key} (an accepted message that was then refused elsewhere). */
    public void release(String key) {
        logs.computeIfPresent(key, (k, times) -> {
            times.pollLast();
            return times.isEmpty() ? null : times;
        });
    }

    /** Drops logs whose every entry has left the window; call now and then to bound memory. */
    public void purgeExpired() {
        long now = clock.millis();
        for (String key : logs.keySet()) {
            logs.computeIfPresent(key, (k, times) -> {
                evictExpired(times, now);
                return times.isEmpty() ? null : times;
            });
        }
    }

    /** Keys with at least one entry held (for tests and metrics). */
    public int trackedKeys() {
        return logs.size();
    }

    private void evictExpired(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() + windowMillis <= now) {
            times.pollFirst();
        }
    }
}
