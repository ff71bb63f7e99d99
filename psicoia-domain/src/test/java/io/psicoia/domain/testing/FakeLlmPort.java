package io.psicoia.domain.testing;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.port.out.FinishReason;
import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmResult;
import io.psicoia.domain.port.out.LlmUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A scripted model for tests: each call takes the next script step (or the default), records the request, and can be
 * held at a gate so tests control concurrency. It can also stream slowly ({@link #pacedBy}), for cancellation tests.
 */
public final class FakeLlmPort implements LlmPort {

    /** One scripted answer. */
    public sealed interface Step permits Reply, Failure {}

    /** Streams these pieces, then finishes with STOP. */
    public record Reply(List<String> deltas) implements Step {}

    /** Throws this failure, after streaming {@code deltasBefore}. */
    public record Failure(LlmUnavailableException.Reason reason, List<String> deltasBefore) implements Step {}

    private final Deque<Step> script = new ArrayDeque<>();
    private final List<LlmRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private volatile Step defaultStep = new Reply(List.of("Te ", "escucho."));
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile Duration pace = Duration.ZERO;

    public static Step reply(String... deltas) {
        return new Reply(List.of(deltas));
    }

    public static Step failure(LlmUnavailableException.Reason reason, String... deltasBefore) {
        return new Failure(reason, List.of(deltasBefore));
    }

    public synchronized FakeLlmPort then(Step step) {
        script.addLast(step);
        return this;
    }

    public FakeLlmPort byDefault(Step step) {
        this.defaultStep = step;
        return this;
    }

    /** Makes every call wait until {@link #open()} (or its cancellation). */
    public FakeLlmPort hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    /** Pauses this long between streamed pieces (not before the first); a cancellation cuts the pause short. */
    public FakeLlmPort pacedBy(Duration pause) {
        if (pause.isNegative()) {
            throw new IllegalArgumentException("pause must not be negative");
        }
        this.pace = pause;
        return this;
    }

    public void open() {
        gate.countDown();
    }

    public List<LlmRequest> requests() {
        return List.copyOf(requests);
    }

    public int calls() {
        return requests.size();
    }

    public int running() {
        return running.get();
    }

    public int maxConcurrentCalls() {
        return maxRunning.get();
    }

    @Override
    public LlmResult complete(LlmRequest request, Consumer<String> onDelta, Cancellation cancellation) {
        requests.add(request);
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        CountDownLatch current = gate;
        CountDownLatch cancelled = new CountDownLatch(1);
        Cancellation.Registration registration = cancellation.onCancel(() -> {
            current.countDown();
            cancelled.countDown();
        });
        try {
            try {
                current.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (cancellation.isCancelled()) {
                return cancelledResult();
            }
            Step step;
            synchronized (this) {
                step = script.isEmpty() ? defaultStep : script.pollFirst();
            }
            if (step instanceof Failure failure) {
                failure.deltasBefore().forEach(onDelta);
                throw new LlmUnavailableException(failure.reason(), "scripted failure " + failure.reason());
            }
            List<String> deltas = ((Reply) step).deltas();
            Duration pause = pace;
            for (int i = 0; i < deltas.size(); i++) {
                if (i > 0 && !pause.isZero() && pauseWasCut(cancelled, pause)) {
                    return cancelledResult();
                }
                if (cancellation.isCancelled()) {
                    return cancelledResult();
                }
                onDelta.accept(deltas.get(i));
            }
            return new LlmResult(FinishReason.STOP, Optional.empty());
        } finally {
            registration.close();
            running.decrementAndGet();
        }
    }

    /** Waits {@code pause}; true when cancelled (or interrupted) meanwhile. */
    private static boolean pauseWasCut(CountDownLatch cancelled, Duration pause) {
        try {
            return cancelled.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static LlmResult cancelledResult() {
        return new LlmResult(FinishReason.CANCELLED, Optional.empty());
    }
}
