package io.psicoia.domain.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that protect the service and keep it fair.
 *
 * @param maxInFlight concurrent model calls, process-wide ({@code MAX_IN_FLIGHT})
 * @param perUserMax messages of one person accepted and not yet answered ({@code PER_USER_MAX})
 * @param rateMaxMessages accepted messages per window per person ({@code RATE_MAX_MESSAGES})
 * @param rateWindow the sliding window ({@code RATE_WINDOW_SECONDS})
 * @param rateMaxMessagesPerAddress accepted messages per window per client address, over every connection from it
 *     ({@code RATE_MAX_MESSAGES_PER_IP}); several people may share one address
 * @param queueNoticeAfter how long a message waits for a model slot before the person is told it is queued
 * @param queueTimeout how long a message waits for a model slot before it is refused as busy
 */
public record AdmissionConfig(
        int maxInFlight,
        int perUserMax,
        int rateMaxMessages,
        Duration rateWindow,
        int rateMaxMessagesPerAddress,
        Duration queueNoticeAfter,
        Duration queueTimeout) {

    /**
     * The original's defaults (50, 2, 6 per 10 s), 30 per 10 s per address, a 2 s queue notice and a 30 s queue
     * timeout.
     */
    public static final AdmissionConfig DEFAULTS =
            new AdmissionConfig(50, 2, 6, Duration.ofSeconds(10), 30, Duration.ofSeconds(2), Duration.ofSeconds(30));

    public AdmissionConfig {
        Objects.requireNonNull(rateWindow, "rateWindow");
        Objects.requireNonNull(queueNoticeAfter, "queueNoticeAfter");
        Objects.requireNonNull(queueTimeout, "queueTimeout");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1");
        }
        if (perUserMax < 1) {
            throw new IllegalArgumentException("perUserMax must be >= 1");
        }
        if (rateMaxMessages < 1) {
            throw new IllegalArgumentException("rateMaxMessages must be >= 1");
        }
        if (rateMaxMessagesPerAddress < 1) {
            throw new IllegalArgumentException("rateMaxMessagesPerAddress must be >= 1");
        }
        if (rateWindow.toMillis() < 1) {
            throw new IllegalArgumentException("rateWindow must be positive");
        }
        if (queueNoticeAfter.isNegative() || queueTimeout.isNegative()) {
            throw new IllegalArgumentException("queue durations must not be negative");
        }
    }
}
