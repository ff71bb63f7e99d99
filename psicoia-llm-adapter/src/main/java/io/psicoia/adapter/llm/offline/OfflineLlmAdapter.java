package io.psicoia.adapter.llm.offline;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.Message;
import io.psicoia.domain.port.out.FinishReason;
import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded responder used when no language model is configured (no API key, no LLM URL). It needs no network:
 * it listens for a few common themes in the newest message and answers with a short reflective reply in Spanish
 * (names the feeling, validates it, asks one open question), and with an urgent, caring reply when it sees
 * self-harm or suicide language. Its first reply in a conversation says it is a simple offline mode and how to
 * connect a model.
 *
 * <p>The reply is streamed word by word with a pause between pieces, like a real model, and stops promptly when
 * cancelled. Thread-safe: one instance serves many conversations at once. Never logs or prints message text.
 */
public final class OfflineLlmAdapter implements LlmPort {

    /** Pause between streamed pieces when none is given. */
    public static final Duration DEFAULT_PACE = Duration.ofMillis(30);

    private static final Pattern PIECE = Pattern.compile("\\s*\\S+");

    private final Function<LlmRequest, RandomGenerator> randomPerCall;
    private final Duration pace;
    private final String notice;

    /**
     * Draws one seed per call from {@code random} (under a lock, so the generator need not be thread-safe) and uses
     * a generator of its own for the rest of the call.
     *
     * @param random where variation comes from; tests pass a seeded generator
     * @param pace pause between streamed pieces; {@link Duration#ZERO} for none
     */
    public OfflineLlmAdapter(RandomGenerator random, Duration pace) {
        Objects.requireNonNull(random, "random");
        Object lock = new Object();
        this.randomPerCall = request -> {
            long seed;
            synchronized (lock) {
                seed = random.nextLong();
            }
            return new SplittableRandom(seed);
        };
        this.pace = checkedPace(pace);
        this.notice = ReplyCatalogue.OFFLINE_NOTICE;
    }

    /**
     * Seeds the variation from each request itself, so the same request always gets the same reply.
     *
     * @param pace pause between streamed pieces; {@link Duration#ZERO} for none
     */
    public OfflineLlmAdapter(Duration pace) {
        this.randomPerCall = request -> new SplittableRandom(seedOf(request));
        this.pace = checkedPace(pace);
        this.notice = ReplyCatalogue.OFFLINE_NOTICE;
    }

    private OfflineLlmAdapter(OfflineLlmAdapter base, String notice) {
        this.randomPerCall = base.randomPerCall;
        this.pace = base.pace;
        this.notice = notice;
    }

    /**
     * The same responder for people reaching PsicoIA through a server: its first reply says the answers are basic,
     * without the setup advice (environment variables) that only whoever runs the server can act on.
     */
    public OfflineLlmAdapter servingPeople() {
        return new OfflineLlmAdapter(this, ReplyCatalogue.SERVED_NOTICE);
    }

    /** Seeds the variation from each request and streams at {@link #DEFAULT_PACE}. */
    public OfflineLlmAdapter() {
        this(DEFAULT_PACE);
    }

    @Override
    public LlmResult complete(LlmRequest request, Consumer<String> onDelta, Cancellation cancellation) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(onDelta, "onDelta");
        Objects.requireNonNull(cancellation, "cancellation");

        String reply = ReplyWriter.write(request.messages(), randomPerCall.apply(request), notice);
        CountDownLatch cancelled = new CountDownLatch(1);
        try (Cancellation.Registration registration = cancellation.onCancel(cancelled::countDown)) {
            return stream(split(reply), onDelta, cancellation, cancelled);
        }
    }

    private LlmResult stream(
            List<String> pieces, Consumer<String> onDelta, Cancellation cancellation, CountDownLatch cancelled) {
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0 && !pace.isZero()) {
                try {
                    if (cancelled.await(pace.toNanos(), TimeUnit.NANOSECONDS)) {
                        return cancelledResult();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return cancelledResult();
                }
            }
            if (cancellation.isCancelled()) {
                return cancelledResult();
            }
            onDelta.accept(pieces.get(i));
        }
        return new LlmResult(FinishReason.STOP, Optional.empty());
    }

    /** Cuts the reply into words, each carrying the whitespace before it, so the pieces join back exactly. */
    static List<String> split(String reply) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = PIECE.matcher(reply);
        int end = 0;
        while (matcher.find()) {
            pieces.add(matcher.group());
            end = matcher.end();
        }
        if (end < reply.length()) {
            pieces.add(reply.substring(end));
        }
        return pieces;
    }

    private static LlmResult cancelledResult() {
        return new LlmResult(FinishReason.CANCELLED, Optional.empty());
    }

    private static Duration checkedPace(Duration pace) {
        Objects.requireNonNull(pace, "pace");
        if (pace.isNegative()) {
            throw new IllegalArgumentException("pace must not be negative");
        }
        return pace;
    }

    private static long seedOf(LlmRequest request) {
        long seed = request.traceId().hashCode();
        for (Message message : request.messages()) {
            seed = seed * 31 + message.role().ordinal();
            seed = seed * 31 + message.text().hashCode();
        }
        return seed;
    }
}
