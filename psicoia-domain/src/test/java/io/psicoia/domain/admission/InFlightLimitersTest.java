package io.psicoia.domain.admission;

import static org.assertj.core.api.Assertions.assertThat;

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
    void givenManyThreadsAcquiringAndReleasingOneKey_whenDone_thenNeverOverTheMaxAndNothingLeaks() throws Exception {
        PerKeyInFlightLimiter limiter = new PerKeyInFlightLimiter(2);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 20_000; i++) {
                    if (limiter.tryAcquire("u")) {
                        mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        holding.decrementAndGet();
                        limiter.release("u");
                    }
                }
            }));
        }
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }

        assertThat(mostHeld.get()).isLessThanOrEqualTo(2);
        assertThat(limiter.inFlight("u")).isZero();
        assertThat(limiter.tryAcquire("u")).isTrue();
        assertThat(limiter.tryAcquire("u")).isTrue();
        assertThat(limiter.tryAcquire("u")).isFalse();
    }

    @Test
    void givenGlobalMaxThree_whenManyCallersWork_thenNeverMoreThanThreeAtOnceAndAllRun() throws Exception {
        GlobalInFlightLimiter limiter = new GlobalInFlightLimiter(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch allDone = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> limiter.reserve(() -> pool.submit(() -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                limiter.release();
                allDone.countDown();
            })));
        }

        assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(maxRunning.get()).isEqualTo(3);
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.waiting()).isZero();
    }

    @Test
    void givenAFreeSlot_whenReserving_thenGrantedBeforeReserveReturns() {
        GlobalInFlightLimiter limiter = new GlobalInFlightLimiter(1);
        AtomicInteger grants = new AtomicInteger();

        GlobalInFlightLimiter.Reservation reservation = limiter.reserve(grants::incrementAndGet);

        assertThat(grants.get()).isEqualTo(1);
        assertThat(reservation.granted()).isTrue();
        assertThat(reservation.cancel()).isFalse();
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void givenAFullLimiter_whenSlotsFree_thenTheyGoFirstComeFirstServed() {
        GlobalInFlightLimiter limiter = new GlobalInFlightLimiter(1);
        limiter.reserve(() -> {});
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 6; i++) {
            int number = i;
            limiter.reserve(() -> order.add(number));
        }
        assertThat(limiter.waiting()).isEqualTo(6);

        for (int i = 0; i < 6; i++) {
            limiter.release();
        }

        assertThat(order).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void givenAWaitingReservation_whenCancelled_thenItNeverRunsAndTheNextOneGetsTheSlot() {
        GlobalInFlightLimiter limiter = new GlobalInFlightLimiter(1);
        limiter.reserve(() -> {});
        AtomicInteger cancelledRuns = new AtomicInteger();
        AtomicInteger nextRuns = new AtomicInteger();
        GlobalInFlightLimiter.Reservation cancelled = limiter.reserve(cancelledRuns::incrementAndGet);
        limiter.reserve(nextRuns::incrementAndGet);

        assertThat(cancelled.cancel()).isTrue();
        limiter.release();

        assertThat(cancelledRuns.get()).isZero();
        assertThat(nextRuns.get()).isEqualTo(1);
        assertThat(limiter.waiting()).isZero();
    }

    @Test
    void givenNoSlotHeld_whenReleasing_thenRefused() {
        GlobalInFlightLimiter limiter = new GlobalInFlightLimiter(2);

        org.assertj.core.api.Assertions.assertThatThrownBy(limiter::release).isInstanceOf(IllegalStateException.class);
    }
}
