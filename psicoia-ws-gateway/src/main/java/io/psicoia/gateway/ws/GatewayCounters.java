package io.psicoia.gateway.ws;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Running totals of the gateway's WebSocket sessions, for metrics: counts only. Thread-safe. */
public final class GatewayCounters {

    /** Why a browser was turned away. */
    public enum Refusal {
        /** The gateway already held {@code WS_MAX_CONNECTIONS} connections (503). */
        FULL,
        /** The page came from a site that may not connect (403). */
        ORIGIN,
        /** The address already had {@code WS_MAX_CONNECTIONS_PER_IP} sessions (close 1013). */
        TOO_MANY_FROM_ADDRESS
    }

    private final LongAdder opened = new LongAdder();
    private final Map<Refusal, LongAdder> refused = new EnumMap<>(Refusal.class);

    GatewayCounters() {
        for (Refusal reason : Refusal.values()) {
            refused.put(reason, new LongAdder());
        }
    }

    /** WebSocket sessions opened (handshake done and admitted) since the gateway was made. */
    public long opened() {
        return opened.sum();
    }

    /** Browsers turned away for {@code reason} since the gateway was made. */
    public long refused(Refusal reason) {
        return refused.get(reason).sum();
    }

    void countOpened() {
        opened.increment();
    }

    void countRefused(Refusal reason) {
        refused.get(reason).increment();
    }

    @Override
    public String toString() {
        return "GatewayCounters[opened=" + opened() + "]";
    }
}
