package io.psicoia.domain.port.out;

import io.psicoia.domain.model.TokenUsage;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.safety.CareTool;
import io.psicoia.domain.safety.RiskLevel;
import io.psicoia.domain.safety.RiskSubject;
import java.time.Duration;
import java.util.Optional;

/**
 * Outbound port: what happens to messages, for metrics. Counts, kinds and timings only: nothing here can carry what
 * a person wrote or what the model answered. Called on hot paths, from I/O and worker threads: implementations must be
 * cheap, thread-safe, and must not throw. Every method does nothing by default.
 */
public interface ChatEvents {

    /** Events nobody listens to. */
    ChatEvents NONE = new ChatEvents() {};

    /** A message was admitted; {@code urgent} when it showed risk or was a tool (no limit applied to it). */
    default void admitted(boolean urgent) {}

    /** A message was refused at once: a {@link ChatOutcome.RateLimited} or a {@link ChatOutcome.Busy}. */
    default void refused(ChatOutcome refusal) {}

    /** A message got a model slot after waiting {@code waited} in the queue (zero when one was free). */
    default void slotGranted(Duration waited) {}

    /** A message gave up its place in the queue: the queue timeout passed, or it was cancelled while waiting. */
    default void queueAbandoned(Duration waited, boolean timedOut) {}

    /**
     * A model call ended.
     *
     * @param firstText time from the call's start to the first text released to the person, when any was
     * @param total the whole call
     * @param outcome how the turn ended
     * @param usage tokens the model reported, when it did
     */
    default void modelCall(
            Optional<Duration> firstText, Duration total, ChatOutcome outcome, Optional<TokenUsage> usage) {}

    /** The output check held a sentence of a reply back and replaced the rest. */
    default void replyReplaced() {}

    /** A safety notice was sent. */
    default void safetyNotice(RiskLevel level, RiskSubject about) {}

    /** A tool was used ({@code /respirar}…). */
    default void toolUsed(CareTool tool) {}

    /** A message's turn ended, however it did (each admitted message once). */
    default void finished(ChatOutcome outcome) {}
}
