package io.psicoia.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.port.out.LlmUnavailableException;
import io.psicoia.domain.port.out.LlmUnavailableException.Reason;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryLoopTest {

    private static final Duration CAP = Duration.ofSeconds(30);

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recordingSleeper = (duration, cancellation) -> {
        waits.add(duration);
        return !cancellation.isCancelled();
    };
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void givenRepeatedServerErrors_whenRun_thenTheBackoffDoublesUpToTheMaximumWithEqualJitter() {
        RetryLoop loop = loop(6, fixedRandom(0.5));

        assertThatThrownBy(() -> loop.run("t1", Cancellation.none(), () -> "cancelled", n -> {
                    attempts.incrementAndGet();
                    throw AttemptFailure.forStatus(500, Optional.empty(), Optional.empty());
                }))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessage("LLM responded 500")
                .extracting(e -> ((LlmUnavailableException) e).reason())
                .isEqualTo(Reason.UPSTREAM_ERROR);

        assertThat(attempts).hasValue(6);
        // base 0.5, 1, 2, 4, 5 (capped) seconds; equal jitter with 0.5 gives three quarters of each.
        assertThat(waits)
                .containsExactly(
                        Duration.ofMillis(375),
                        Duration.ofMillis(750),
                        Duration.ofMillis(1500),
                        Duration.ofMillis(3000),
                        Duration.ofMillis(3750));
    }

    @Test
    void givenJitterAtItsExtremes_whenWaiting_thenTheWaitStaysBetweenHalfAndAllOfTheBase() {
        assertThat(loop(3, fixedRandom(0.0)).waitBefore(2, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(loop(3, fixedRandom(0.999_999)).waitBefore(2, Optional.empty()))
                .isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
    }

    @Test
    void givenARateLimitWithRetryAfter_whenRetried_thenTheRequestedWaitIsHonoured() {
        RetryLoop loop = loop(3, fixedRandom(0.5));

        String result = loop.run("t2", Cancellation.none(), () -> "cancelled", n -> {
            if (attempts.incrementAndGet() == 1) {
                throw AttemptFailure.forStatus(429, Optional.of(Duration.ofMillis(1800)), Optional.empty());
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofMillis(1800));
    }

    @Test
    void givenARetryAfterBeyondTheCap_whenRetriesRunOut_thenTheWaitIsCappedAndTheExceptionCarriesTheRequest() {
        RetryLoop loop = loop(2, fixedRandom(0.5));

        assertThatThrownBy(() -> loop.run("t3", Cancellation.none(), () -> "cancelled", n -> {
                    throw AttemptFailure.forStatus(429, Optional.of(Duration.ofSeconds(90)), Optional.empty());
                }))
                .isInstanceOfSatisfying(LlmUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
                });
        assertThat(waits).containsExactly(CAP);
    }

    @Test
    void givenClientErrors_whenRun_thenTheyAreNeverRetried() {
        for (int status : new int[] {400, 401, 403, 404, 413, 422}) {
            attempts.set(0);
            RetryLoop loop = loop(3, fixedRandom(0.5));

            assertThatThrownBy(() -> loop.run("t4", Cancellation.none(), () -> "cancelled", n -> {
                        attempts.incrementAndGet();
                        throw AttemptFailure.forStatus(status, Optional.empty(), Optional.of(true));
                    }))
                    .isInstanceOf(LlmUnavailableException.class)
                    .hasMessage("LLM responded " + status);
            assertThat(attempts).as("attempts for %d", status).hasValue(1);
        }
        assertThat(waits).isEmpty();
        assertThat(AttemptFailure.forStatus(401, Optional.empty(), Optional.empty())
                        .reason())
                .isEqualTo(Reason.AUTH);
        assertThat(AttemptFailure.forStatus(422, Optional.empty(), Optional.empty())
                        .reason())
                .isEqualTo(Reason.BAD_REQUEST);
    }

    @Test
    void givenStatusesAndShouldRetryHints_whenMapped_thenRetryabilityFollowsThePolicy() {
        for (int status : new int[] {408, 409, 429, 498, 500, 502, 503}) {
            assertThat(AttemptFailure.forStatus(status, Optional.empty(), Optional.empty())
                            .retryable())
                    .as("status %d", status)
                    .isTrue();
        }
        assertThat(AttemptFailure.forStatus(424, Optional.empty(), Optional.empty())
                        .retryable())
                .isFalse();
        assertThat(AttemptFailure.forStatus(503, Optional.empty(), Optional.of(false))
                        .retryable())
                .isFalse();
        assertThat(AttemptFailure.forStatus(424, Optional.empty(), Optional.of(true))
                        .retryable())
                .isTrue();
    }

    @Test
    void givenAFailureAfterDeltas_whenRun_thenItIsNotRetried() {
        RetryLoop loop = loop(3, fixedRandom(0.5));

        assertThatThrownBy(() -> loop.run("t5", Cancellation.none(), () -> "cancelled", n -> {
                    attempts.incrementAndGet();
                    throw AttemptFailure.of(Reason.UPSTREAM_ERROR, "LLM stream ended early", true)
                            .notRetryable();
                }))
                .hasMessage("LLM stream ended early");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givenCancellationDuringTheWait_whenRun_thenTheCancelledResultIsReturnedWithoutAnotherAttempt() {
        Cancellation cancellation = new Cancellation();
        Sleeper cancellingSleeper = (duration, c) -> {
            c.cancel();
            return !c.isCancelled();
        };
        RetryLoop loop = new RetryLoop(
                3, Duration.ofMillis(500), Duration.ofSeconds(5), CAP, fixedRandom(0.5), cancellingSleeper);

        String result = loop.run("t6", cancellation, () -> "cancelled", n -> {
            attempts.incrementAndGet();
            throw AttemptFailure.forStatus(503, Optional.empty(), Optional.empty());
        });

        assertThat(result).isEqualTo("cancelled");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givenAnAlreadyCancelledCall_whenRun_thenNoAttemptIsMade() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        String result = loop(3, fixedRandom(0.5)).run("t7", cancellation, () -> "cancelled", n -> {
            attempts.incrementAndGet();
            return "ok";
        });

        assertThat(result).isEqualTo("cancelled");
        assertThat(attempts).hasValue(0);
    }

    @Test
    void givenRetryAfterHeaders_whenParsed_thenMillisecondsWinThenSecondsThenDates() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

        assertThat(RetryLoop.parseRetryAfter(headers(Map.of("retry-after-ms", "1500", "retry-after", "9")), clock))
                .contains(Duration.ofMillis(1500));
        assertThat(RetryLoop.parseRetryAfter(headers(Map.of("Retry-After", "2")), clock))
                .contains(Duration.ofSeconds(2));
        assertThat(RetryLoop.parseRetryAfter(headers(Map.of("retry-after", "Wed, 25 Nov 2026 10:00:07 GMT")), clock))
                .contains(Duration.ofSeconds(7));
        assertThat(RetryLoop.parseRetryAfter(headers(Map.of("retry-after", "Wed, 25 Nov 2026 09:00:00 GMT")), clock))
                .isEmpty();
        assertThat(RetryLoop.parseRetryAfter(headers(Map.of("retry-after", "pronto")), clock))
                .isEmpty();
        assertThat(RetryLoop.parseRetryAfter(headers(Map.of("retry-after", "0", "retry-after-ms", "-5")), clock))
                .isEmpty();
        assertThat(RetryLoop.parseRetryAfter(headers(Map.of()), clock)).isEmpty();
    }

    @Test
    void givenTheSystemSleeper_whenCancelledWhileWaiting_thenItWakesAtOnce() throws InterruptedException {
        Cancellation cancellation = new Cancellation();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancellation.cancel();
        });
        long start = System.nanoTime();
        canceller.start();

        boolean awake = Sleeper.system().sleep(Duration.ofSeconds(10), cancellation);

        assertThat(awake).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        canceller.join();
    }

    private RetryLoop loop(int maxAttempts, RandomGenerator random) {
        return new RetryLoop(maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(5), CAP, random, recordingSleeper);
    }

    private static RandomGenerator fixedRandom(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> multi = new HashMap<>();
        values.forEach((name, value) -> multi.put(name, List.of(value)));
        return HttpHeaders.of(multi, (name, value) -> true);
    }
}
