package io.psicoia.adapter.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.psicoia.domain.model.TokenUsage;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.out.ChatEvents;
import io.psicoia.domain.safety.CareTool;
import io.psicoia.domain.safety.RiskLevel;
import io.psicoia.domain.safety.RiskSubject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The chat's events as Micrometer meters: counters by kind and timers with histograms. Tags take a few fixed values
 * only (outcomes, reasons, levels), never anything a person wrote. Each meter is registered once, on its first event,
 * and kept here by its tag value: an event costs a map lookup and the update, not a builder and a registry lookup
 * (which made several objects and cost some microseconds per message).
 */
public final class MicrometerChatEvents implements ChatEvents {

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)
    };

    static final int FAILURES_BEFORE_UNREACHABLE = 3;

    private final MeterRegistry registry;
    private final Counter admitted;
    private final Counter admittedUrgent;
    private final Timer queueWait;
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final Counter replaced;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final Map<String, Counter> abandoned = new ConcurrentHashMap<>();
    private final Map<String, Timer> firstText = new ConcurrentHashMap<>();
    private final Map<String, Timer> duration = new ConcurrentHashMap<>();
    private final Map<String, Counter> notices = new ConcurrentHashMap<>();
    private final Map<CareTool, Counter> tools = new ConcurrentHashMap<>();
    private final Map<String, Counter> finished = new ConcurrentHashMap<>();
    /** Model calls that failed in a row (the model unavailable after its retries); 0 after any that did not. */
    private final java.util.concurrent.atomic.AtomicInteger failuresInARow =
            new java.util.concurrent.atomic.AtomicInteger();

    public MicrometerChatEvents(MeterRegistry registry) {
        this.registry = registry;
        this.admitted = admittedCounter("false");
        this.admittedUrgent = admittedCounter("true");
        this.queueWait = Timer.builder("psicoia.queue.wait")
                .description("Time a message waited for a model slot")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
        this.promptTokens = tokens("prompt");
        this.completionTokens = tokens("completion");
        this.replaced = Counter.builder("psicoia.replies.replaced")
                .description("Replies whose rest was replaced by a safe text after the output check held a sentence")
                .register(registry);
    }

    private Counter admittedCounter(String urgent) {
        return Counter.builder("psicoia.messages.admitted")
                .description("Messages admitted; urgent ones showed risk or were tools, and no limit applied")
                .tag("urgent", urgent)
                .register(registry);
    }

    private Counter tokens(String kind) {
        return Counter.builder("psicoia.llm.tokens")
                .description("Tokens the model reported")
                .tag("kind", kind)
                .register(registry);
    }

    @Override
    public void admitted(boolean urgent) {
        (urgent ? admittedUrgent : admitted).increment();
    }

    @Override
    public void refused(ChatOutcome refusal) {
        meter(
                        refused,
                        outcome(refusal),
                        reason -> Counter.builder("psicoia.messages.refused")
                                .description("Messages refused at once, by reason")
                                .tag("reason", reason)
                                .register(registry))
                .increment();
    }

    @Override
    public void slotGranted(Duration waited) {
        queueWait.record(waited);
    }

    @Override
    public void queueAbandoned(Duration waited, boolean timedOut) {
        meter(
                        abandoned,
                        timedOut ? "timeout" : "cancelled",
                        reason -> Counter.builder("psicoia.queue.abandoned")
                                .description("Messages that left the model queue before getting a slot")
                                .tag("reason", reason)
                                .register(registry))
                .increment();
    }

    @Override
    public void modelCall(
            Optional<Duration> firstText, Duration total, ChatOutcome outcome, Optional<TokenUsage> usage) {
        boolean failed = outcome instanceof ChatOutcome.ServiceUnavailable
                || outcome instanceof ChatOutcome.SafeFallback fallback
                        && fallback.modelFailure().isPresent();
        if (failed) {
            failuresInARow.incrementAndGet();
        } else {
            failuresInARow.set(0);
        }
        String tag = outcome(outcome);
        if (firstText.isPresent()) {
            meter(this.firstText, tag, t -> latency("psicoia.llm.first_text", "Time to the first text of a reply", t))
                    .record(firstText.get());
        }
        meter(duration, tag, t -> latency("psicoia.llm.duration", "Whole model calls", t))
                .record(total);
        usage.ifPresent(tokens -> {
            promptTokens.increment(tokens.promptTokens());
            completionTokens.increment(tokens.completionTokens());
        });
    }

    /**
     * Whether the model seems reachable: false after {@value #FAILURES_BEFORE_UNREACHABLE} calls in a row failed
     * (after their retries), true again after any call that did not fail.
     */
    public boolean modelReachable() {
        return failuresInARow.get() < FAILURES_BEFORE_UNREACHABLE;
    }

    private Timer latency(String name, String description, String outcome) {
        return Timer.builder(name)
                .description(description)
                .tag("outcome", outcome)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    @Override
    public void replyReplaced() {
        replaced.increment();
    }

    @Override
    public void safetyNotice(RiskLevel level, RiskSubject about) {
        meter(
                        notices,
                        level.name() + "/" + about.name(),
                        key -> Counter.builder("psicoia.safety.notices")
                                .description("Safety notices sent, by the conversation's risk level and whose risk")
                                .tag("level", lower(level))
                                .tag("about", lower(about))
                                .register(registry))
                .increment();
    }

    @Override
    public void toolUsed(CareTool tool) {
        meter(
                        tools,
                        tool,
                        t -> Counter.builder("psicoia.tools.used")
                                .description("Tools used (/ayuda, /respirar, /anclaje, /plan, /pais)")
                                .tag("tool", lower(t))
                                .register(registry))
                .increment();
    }

    @Override
    public void finished(ChatOutcome outcome) {
        meter(
                        finished,
                        outcome(outcome),
                        tag -> Counter.builder("psicoia.messages.finished")
                                .description("Admitted messages whose turn ended, by outcome")
                                .tag("outcome", tag)
                                .register(registry))
                .increment();
    }

    /** The meter kept for {@code key}, registered on first use. */
    private static <K, M> M meter(Map<K, M> meters, K key, Function<K, M> register) {
        M meter = meters.get(key);
        return meter != null ? meter : meters.computeIfAbsent(key, register);
    }

    /** A fixed name per outcome: reply, reply_incomplete, busy_queue_timeout, unavailable_timeout, safe_fallback… */
    static String outcome(ChatOutcome outcome) {
        if (outcome instanceof ChatOutcome.Reply reply) {
            return reply.complete() ? "reply" : "reply_incomplete";
        }
        if (outcome instanceof ChatOutcome.RateLimited) {
            return "rate_limited";
        }
        if (outcome instanceof ChatOutcome.Busy busy) {
            return "busy_" + lower(busy.reason());
        }
        if (outcome instanceof ChatOutcome.ServiceUnavailable unavailable) {
            return "unavailable_" + lower(unavailable.reason());
        }
        return "safe_fallback";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
