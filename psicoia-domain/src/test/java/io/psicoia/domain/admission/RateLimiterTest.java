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
}
