package io.psicoia.domain.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.model.Cancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightLimitersTest {

    private static final Duration LONG = Duration.ofSeconds(10);
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    @Test
    void givenPerKeyMaxTwo_whenAThirdArrives_thenRefusedUntilOneIsReleased() {
        PerKeyInFlightLimiter limiter = new PerKeyInFlightLimiter(2);

        assertThat(limiter.tryAcquire("u")).isTrue();
        assertThat(limiter.tryAcquire("u")).isTrue();
        assertThat(limiter.tryAcquire("u")).isFalse();
        assertThat(limiter.tryAcquire("v")).isTrue();
        limiter.release("u");
        assertThat(limiter.tryAcquire("u")).isTrue();
        assertThat(limiter.inFlight("u")).isEqualTo(2);
    }

    @Test
    void givenManyThreadsOnOneKey_whenAcquiringAtOnce_thenExactlyTheMaxSucceed() throws Exception {
        PerKeyInFlightLimiter limiter = new PerKeyInFlightLimiter(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return limiter.tryAcquire("u");
            }));
        }
        start.countDown();
        int acquired = 0;
        for (Future<Boolean> result : results) {
            acquired += result.get(5, TimeUnit.SECONDS) ? 1 : 0;
        }

        assertThat(acquired).isEqualTo(3);
    }

    @Test
    void givenGlobalMaxThree_whenManyCallersWork_thenNeverMoreThanThreeAtOnce() throws Exception {
        GlobalInFlightLimiter limiter = new GlobalInFlightLimiter(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(pool.submit(() -> {
                if (!limiter.acquire(LONG, LONG, () -> {}, Cancellation.none())) {
                    return false;
                }
                try {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(2);
                    running.decrementAndGet();
                } finally {
                    limiter.release();
                }
                return true;
            }));
        }
        for (Future<Boolean> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(maxRunning.get()).isEqualTo(3);
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.waiting()).isZero();
    }

    @Test
    void givenAFullLimiter_whenCallersQueue_thenSlotsGoFirstComeFirstServed() throws Exception {
        GlobalInFlightLimiter limiter = new GlobalInFlightLimiter(1);
        assertThat(limiter.acquire(LONG, LONG, () -> {}, Cancellation.none())).isTrue();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Future<?>> waiters = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            int number = i;
            waiters.add(pool.submit(() -> {
                if (limiter.acquire(LONG, LONG, () -> {}, Cancellation.none())) {
                    order.add(number);
                    limiter.release();
                }
                return null;
            }));
            while (limiter.waiting() < i) {
                Thread.onSpinWait();
            }
        }

        limiter.release();
        for (Future<?> waiter : waiters) {
            waiter.get(5, TimeUnit.SECONDS);
        }

        assertThat(order).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void givenAFullLimiter_whenWaitingPastTheNotice_thenToldOnceAndThenTimesOut() throws Exception {
        GlobalInFlightLimiter limiter = new GlobalInFlightLimiter(1);
        limiter.acquire(LONG, LONG, () -> {}, Cancellation.none());
        AtomicInteger notices = new AtomicInteger();

        boolean acquired = limiter.acquire(
                Duration.ofMillis(30), Duration.ofMillis(150), notices::incrementAndGet, Cancellation.none());

        assertThat(acquired).isFalse();
        assertThat(notices.get()).isEqualTo(1);
        assertThat(limiter.waiting()).isZero();
        limiter.release();
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void givenAFreeSlot_whenAcquiring_thenNoNotice() throws Exception {
        GlobalInFlightLimiter limiter = new GlobalInFlightLimiter(1);
        AtomicInteger notices = new AtomicInteger();

        assertThat(limiter.acquire(Duration.ZERO, LONG, notices::incrementAndGet, Cancellation.none()))
                .isTrue();
        assertThat(notices.get()).isZero();
    }

    @Test
    void givenAQueuedCaller_whenCancelled_thenItLeavesTheQueueAtOnce() throws Exception {
        GlobalInFlightLimiter limiter = new GlobalInFlightLimiter(1);
        limiter.acquire(LONG, LONG, () -> {}, Cancellation.none());
        Cancellation cancellation = new Cancellation();
        Future<Boolean> waiter = pool.submit(() -> limiter.acquire(LONG, LONG, () -> {}, cancellation));
        while (limiter.waiting() < 1) {
            Thread.onSpinWait();
        }

        cancellation.cancel();

        assertThat(waiter.get(2, TimeUnit.SECONDS)).isFalse();
        assertThat(limiter.waiting()).isZero();
        limiter.release();
        assertThat(limiter.inFlight()).isZero();
    }
}
