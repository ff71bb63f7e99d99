package io.psicoia.adapter.llm;

import io.psicoia.domain.model.Cancellation;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits between attempts; injected so that tests do not wait. */
@FunctionalInterface
interface Sleeper {

    /**
     * Waits for {@code duration}, returning early when {@code cancellation} fires.
     *
     * @return {@code false} when cancelled before or during the wait
     */
    boolean sleep(Duration duration, Cancellation cancellation) throws InterruptedException;

    /** Really waits, waking at once on cancellation. */
    static Sleeper system() {
        return (duration, cancellation) -> {
            if (cancellation.isCancelled()) {
                return false;
            }
            if (duration.isZero() || duration.isNegative()) {
                return true;
            }
            CountDownLatch woken = new CountDownLatch(1);
            try (Cancellation.Registration registration = cancellation.onCancel(woken::countDown)) {
                woken.await(duration.toNanos(), TimeUnit.NANOSECONDS);
            }
            return !cancellation.isCancelled();
        };
    }
}
