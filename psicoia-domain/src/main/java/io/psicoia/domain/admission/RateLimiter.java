package io.psicoia.domain.admission;

import java.time.Clock;
import java.time.Duration;
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
    private final ConcurrentHashMap<String, Log> logs = new ConcurrentHashMap<>();

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
        while (true) {
            Log log = logs.get(key);
            if (log == null) {
                Log fresh = new Log(Math.min(maxMessages, INITIAL_LOG_CAPACITY));
                log = logs.putIfAbsent(key, fresh);
                if (log == null) {
                    log = fresh;
                }
            }
            synchronized (log) {
                if (log.removed) {
                    continue; // emptied and dropped meanwhile: start a new one
                }
                long now = clock.millis();
                log.evictExpired(now - windowMillis);
                if (log.size < maxMessages) {
                    log.addNewest(now);
                    return RateDecision.allow();
                }
                long wait = log.oldest() + windowMillis - now;
                return RateDecision.refuse(Duration.ofMillis(Math.max(wait, 1)));
            }
        }
    }

    /** Gives back the newest slot of {@code key} (an accepted message that was then refused elsewhere). */
    public void release(String key) {
        Log log = logs.get(key);
        if (log == null) {
            return;
        }
        synchronized (log) {
            if (!log.removed) {
                log.removeNewest();
                dropIfEmpty(key, log);
            }
        }
    }

    /** Drops logs whose every entry has left the window; call now and then to bound memory. */
    public void purgeExpired() {
        long now = clock.millis();
        for (var entry : logs.entrySet()) {
            Log log = entry.getValue();
            synchronized (log) {
                if (!log.removed) {
                    log.evictExpired(now - windowMillis);
                    dropIfEmpty(entry.getKey(), log);
                }
            }
        }
    }

    /** Keys with at least one entry held (for tests and metrics). */
    public int trackedKeys() {
        return logs.size();
    }

    /** Holding the log's lock. */
    private void dropIfEmpty(String key, Log log) {
        if (log.size == 0) {
            log.removed = true;
            logs.remove(key, log);
        }
    }

    /**
     * One key's accepted times, oldest first, in a ring of primitive longs (no boxing); guarded by its own monitor.
     * Once emptied and dropped from the map it is marked removed, and a caller that still holds it starts over.
     */
    private static final class Log {
        private long[] times;
        private int head;
        private int size;
        private boolean removed;

        private Log(int capacity) {
            times = new long[capacity];
        }

        long oldest() {
            return times[head];
        }

        void addNewest(long time) {
            if (size == times.length) {
                long[] grown = new long[times.length * 2];
                for (int i = 0; i < size; i++) {
                    grown[i] = times[(head + i) % times.length];
                }
                times = grown;
                head = 0;
            }
            times[(head + size) % times.length] = time;
            size++;
        }

        void removeNewest() {
            if (size > 0) {
                size--;
            }
        }

        /** Drops entries at or before {@code cutoff} (they have left the window). */
        void evictExpired(long cutoff) {
            while (size > 0 && times[head] <= cutoff) {
                head = (head + 1) % times.length;
                size--;
            }
        }
    }
}
