package io.psicoia.domain.testing;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.port.out.FinishReason;
import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmResult;
import io.psicoia.domain.port.out.LlmUnavailableException;
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
 * held at a gate so tests control concurrency.
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
        try {
            CountDownLatch current = gate;
            cancellation.onCancel(current::countDown);
            try {
                current.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (cancellation.isCancelled()) {
                return new LlmResult(FinishReason.CANCELLED, Optional.empty());
            }
            Step step;
            synchronized (this) {
                step = script.isEmpty() ? defaultStep : script.pollFirst();
            }
            if (step instanceof Failure failure) {
                failure.deltasBefore().forEach(onDelta);
                throw new LlmUnavailableException(failure.reason(), "scripted failure " + failure.reason());
            }
            for (String delta : ((Reply) step).deltas()) {
                if (cancellation.isCancelled()) {
                    return new LlmResult(FinishReason.CANCELLED, Optional.empty());
                }
                onDelta.accept(delta);
            }
            return new LlmResult(FinishReason.STOP, Optional.empty());
        } finally {
            running.decrementAndGet();
        }
    }
}
