package io.psicoia.gateway.ws;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps open WebSocket sessions per client address ({@code WS_MAX_CONNECTIONS_PER_IP}). An address's entry is removed
 * when its count reaches zero, so memory follows open sessions, not addresses ever seen. Thread-safe.
 */
final class IpSessionLimiter {

    private final int maxPerIp;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    IpSessionLimiter(int maxPerIp) {
        if (maxPerIp < 1) {
            throw new IllegalArgumentException("maxPerIp must be at least 1: " + maxPerIp);
        }
        this.maxPerIp = maxPerIp;
    }

    /** Takes a slot for {@code address}; false when it already has {@code maxPerIp} sessions. */
    boolean tryAcquire(InetAddress address) {
        boolean[] acquired = {false};
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerIp) {
                return count;
            }
            acquired[0] = true;
            return current + 1;
        });
        if (acquired[0]) {
            total.incrementAndGet();
        }
        return acquired[0];
    }

    /** Gives back a slot taken by {@link #tryAcquire(InetAddress)}. */
    void release(InetAddress address) {
        open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        total.decrementAndGet();
    }

    /** Sessions holding a slot. */
    int open() {
        return total.get();
    }

    /** Addresses with at least one session (the size of the table). */
    int trackedAddresses() {
        return open.size();
    }
}
