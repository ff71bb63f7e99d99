package io.psicoia.adapter.llm;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.port.out.LlmUnavailableException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small retry loop (a later change moves it to resilience4j): up to {@code maxAttempts} attempts; waits what the
 * provider asked ({@code retry-after-ms}, then {@code retry-after}), capped, or else an exponential backoff with equal
 * jitter, {@code min(initial * 2^(n-1), max)} halved plus a random share of the other half.
 *
 * <p>Whether a failure may be retried is the attempt's call ({@link AttemptFailure#retryable()}): the adapter marks a
 * failure final once part of the reply has been delivered, so a stream the person saw is never replayed.
 */
final class RetryLoop {

    private static final Logger LOG = LoggerFactory.getLogger(RetryLoop.class);

    /** One attempt, numbered from 1; fails with {@link AttemptFailure} only. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(int attemptNumber);
    }

    private final int maxAttempts;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Duration retryAfterCap;
    private final RandomGenerator random;
    private final Sleeper sleeper;
    /** Retries made, by the reason of the failure that caused them, for metrics. */
    private final Map<LlmUnavailableException.Reason, LongAdder> retries =
            new EnumMap<>(LlmUnavailableException.Reason.class);

    RetryLoop(
            int maxAttempts,
            Duration backoffInitial,
            Duration backoffMax,
            Duration retryAfterCap,
            RandomGenerator random,
            Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        this.maxAttempts = maxAttempts;
        this.backoffInitial = Objects.requireNonNull(backoffInitial, "backoffInitial");
        this.backoffMax = Objects.requireNonNull(backoffMax, "backoffMax");
        this.retryAfterCap = Objects.requireNonNull(retryAfterCap, "retryAfterCap");
        this.random = Objects.requireNonNull(random, "random");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        for (LlmUnavailableException.Reason reason : LlmUnavailableException.Reason.values()) {
            retries.put(reason, new LongAdder());
        }
    }

    /** Retries made since this loop was made after failures of {@code reason}. */
    long retries(LlmUnavailableException.Reason reason) {
        return retries.get(reason).sum();
    }

    static RetryLoop from(LlmConfig config, RandomGenerator random, Sleeper sleeper) {
        return new RetryLoop(
                config.maxAttempts(),
                config.backoffInitial(),
                config.backoffMax(),
                config.retryAfterCap(),
                random,
                sleeper);
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for good, or attempts run out.
     *
     * @param whenCancelled the result to return when {@code cancellation} fires before an attempt or during a wait
     * @throws LlmUnavailableException with the last failure's reason, message and requested wait
     */
    <T> T run(String traceId, Cancellation cancellation, Supplier<T> whenCancelled, Attempt<T> attempt) {
        for (int number = 1; ; number++) {
            if (cancellation.isCancelled()) {
                return whenCancelled.get();
            }
            AttemptFailure failure;
            try {
                return attempt.run(number);
            } catch (AttemptFailure e) {
                failure = e;
            }
            if (!failure.retryable() || number >= maxAttempts) {
                LOG.warn(
                        "event=llm.failed trace={} attempts={} reason={} status={}",
                        traceId,
                        number,
                        failure.reason(),
                        statusText(failure));
                throw failure.toException();
            }
            retries.get(failure.reason()).increment();
            Duration wait = waitBefore(number, failure.retryAfter());
            LOG.info(
                    "event=llm.retry trace={} attempt={} reason={} status={} waitMs={}",
                    traceId,
                    number + 1,
                    failure.reason(),
                    statusText(failure),
                    wait.toMillis());
            try {
                if (!sleeper.sleep(wait, cancellation)) {
                    return whenCancelled.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return whenCancelled.get();
            }
        }
    }

    /** The wait after {@code failedAttempts} failures (1 after the first). */
    Duration waitBefore(int failedAttempts, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()
                && !retryAfter.get().isNegative()
                && !retryAfter.get().isZero()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(retryAfterCap) > 0 ? retryAfterCap : asked;
        }
        double exponential = backoffInitial.toNanos() * Math.pow(2, Math.max(0, failedAttempts - 1));
        double base = Math.min(exponential, backoffMax.toNanos());
        double half = base / 2;
        return Duration.ofNanos((long) (half + random.nextDouble() * half));
    }

    /**
     * The wait the provider asked for: {@code retry-after-ms} (milliseconds), else {@code retry-after} (seconds or an
     * HTTP date). Empty when absent, unparsable, or not in the future.
     */
    static Optional<Duration> parseRetryAfter(HttpHeaders headers, Clock clock) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(value -> positive(value, 1e6));
        if (millis.isPresent()) {
            return millis;
        }
        Optional<String> retryAfter = headers.firstValue("retry-after").map(String::strip);
        if (retryAfter.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> seconds = positive(retryAfter.get(), 1e9);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(retryAfter.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), date.toInstant());
            return until.isNegative() || until.isZero() ? Optional.empty() : Optional.of(until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Parses headers such as {@code x-should-retry: true}. */
    static Optional<Boolean> parseShouldRetry(HttpHeaders headers) {
        return headers.firstValue("x-should-retry")
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter(value -> value.equals("true") || value.equals("false"))
                .map(Boolean::valueOf);
    }

    private static Optional<Duration> positive(String text, double nanosPerUnit) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value > 0) || Double.isInfinite(value)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.min(value * nanosPerUnit, (double) Long.MAX_VALUE)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String statusText(AttemptFailure failure) {
        return failure.status() == AttemptFailure.NO_STATUS ? "-" : Integer.toString(failure.status());
    }
}
