package io.psicoia.domain.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(10), clock);

    @Test
    void givenFreeSlots_whenAcquiring_thenAllowedUpToTheMax() {
        assertThat(limiter.tryAcquire("u")).isEqualTo(RateDecision.allow());
        assertThat(limiter.tryAcquire("u").allowed()).isTrue();
        assertThat(limiter.tryAcquire("u").allowed()).isTrue();
        assertThat(limiter.tryAcquire("u").allowed()).isFalse();
    }

    @Test
    void givenAFullWindow_whenRefused_thenRetryAfterIsTheExactWaitForTheOldestSlot() {
        limiter.tryAcquire("u");
        clock.advance(Duration.ofMillis(2_500));
        limiter.tryAcquire("u");
        limiter.tryAcquire("u");
        clock.advance(Duration.ofMillis(1_000));

        RateDecision decision = limiter.tryAcquire("u");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfter()).isEqualTo(Duration.ofMillis(6_500));
    }

    @Test
    void givenTheWaitHasPassedExactly_whenAcquiring_thenAllowed() {
        limiter.tryAcquire("u");
        clock.advance(Duration.ofSeconds(1));
        limiter.tryAcquire("u");
        clock.advance(Duration.ofSeconds(1));
        limiter.tryAcquire("u");
        clock.advance(Duration.ofMillis(7_999));
        assertThat(limiter.tryAcquire("u").retryAfter()).isEqualTo(Duration.ofMillis(1));

        clock.advance(Duration.ofMillis(1));

        assertThat(limiter.tryAcquire("u").allowed()).isTrue();
        assertThat(limiter.tryAcquire("u").retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void givenRefusals_whenCounting_thenRefusedAttemptsTakeNoSlot() {
        limiter.tryAcquire("u");
        limiter.tryAcquire("u");
        limiter.tryAcquire("u");
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(500));
            limiter.tryAcquire("u");
        }
        // 5 s later the first three still count; at 10 s after them they leave the window
        clock.advance(Duration.ofMillis(5_000));

        assertThat(limiter.tryAcquire("u").allowed()).isTrue();
    }

    @Test
    void givenTwoKeys_whenOneIsFull_thenTheOtherIsUnaffected() {
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");

        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    }

    @Test
    void givenAReleasedSlot_whenAcquiring_thenItCanBeUsedAgain() {
        limiter.tryAcquire("u");
        limiter.tryAcquire("u");
        limiter.tryAcquire("u");
        limiter.release("u");

        assertThat(limiter.tryAcquire("u").allowed()).isTrue();
    }

    @Test
    void givenIdleKeys_whenPurging_thenTheirStateIsDropped() {
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        clock.advance(Duration.ofSeconds(5));
        limiter.tryAcquire("c");
        clock.advance(Duration.ofSeconds(5));

        limiter.purgeExpired();

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }

    @Test
    void givenAWindowLargerThanTheInitialLog_whenSlotsExpireAndRefill_thenTheExactWaitIsKept() {
        RateLimiter many = new RateLimiter(20, Duration.ofSeconds(10), clock);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) {
                assertThat(many.tryAcquire("u").allowed()).isTrue();
                clock.advance(Duration.ofMillis(100));
            }
            RateDecision refused = many.tryAcquire("u");
            assertThat(refused.allowed()).isFalse();
            // The oldest of the 20 was taken 2,000 ms ago: it leaves the 10 s window in 8,000 ms.
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(8_000));
            clock.advance(Duration.ofMillis(8_000));
        }
    }

    @Test
    void givenManyThreadsTakingAndGivingBackOneKey_whenDone_thenNoSlotIsLostOrInvented() throws Exception {
        RateLimiter shared = new RateLimiter(5, Duration.ofHours(1), clock);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        if (shared.tryAcquire("u").allowed()) {
                            shared.release("u");
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(shared.trackedKeys()).as("every log emptied is dropped").isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(shared.tryAcquire("u").allowed()).isTrue();
        }
        assertThat(shared.tryAcquire("u").allowed()).isFalse();
    }
}
