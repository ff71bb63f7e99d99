package io.psicoia.domain.service;

import io.psicoia.domain.admission.GlobalInFlightLimiter;
import io.psicoia.domain.admission.PerKeyInFlightLimiter;
import io.psicoia.domain.admission.RateDecision;
import io.psicoia.domain.admission.RateLimiter;
import io.psicoia.domain.model.Conversation;
import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.model.TokenCounter;
import io.psicoia.domain.model.TokenWindow;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.in.ReplySink;
import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.port.in.SendMessageUseCase;
import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmResult;
import io.psicoia.domain.port.out.LlmUnavailableException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a person's message to the model and streams the reply back, within the service's limits.
 *
 * <p>A turn goes through, in order: the per-person in-flight limit ({@code Busy} at once when full), the rate limit
 * ({@code RateLimited} with the exact wait), the conversation's turn (one at a time, in arrival order), the global
 * model-slot queue (the sink hears {@code queued()} after a while; {@code Busy} after the queue timeout), and the
 * model. A refused message never reaches the model and takes no rate slot. A message the model could not answer is
 * withdrawn from the history, so sending it again does not repeat it.
 */
public final class ChatService implements SendMessageUseCase {

    private final LlmPort llm;
    private final TokenWindow window;
    private final AdmissionConfig admission;
    private final ConversationConfig conversationConfig;
    private final RateLimiter rateLimiter;
    private final PerKeyInFlightLimiter perUser;
    private final GlobalInFlightLimiter global;
    private final ConcurrentHashMap<ConversationId, Conversation> conversations = new ConcurrentHashMap<>();

    private ChatService(Builder builder) {
        this.llm = builder.llm;
        this.admission = builder.admission;
        this.conversationConfig = builder.conversation;
        this.window = new TokenWindow(builder.tokenCounter, conversationConfig.inputTokenBudget());
        this.rateLimiter = new RateLimiter(admission.rateMaxMessages(), admission.rateWindow(), builder.clock);
        this.perUser = new PerKeyInFlightLimiter(admission.perUserMax());
        this.global = new GlobalInFlightLimiter(admission.maxInFlight());
    }

    /** Starts building a service around the given model. */
    public static Builder builder(LlmPort llm) {
        return new Builder(llm);
    }

    @Override
    public ChatOutcome send(SendMessageCommand command, ReplySink sink) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(sink, "sink");
        String userKey = command.userKey();
        if (!perUser.tryAcquire(userKey)) {
            return new ChatOutcome.Busy(ChatOutcome.BusyReason.PER_USER);
        }
        try {
            RateDecision decision = rateLimiter.tryAcquire(userKey);
            if (!decision.allowed()) {
                return new ChatOutcome.RateLimited(decision.retryAfter());
            }
            Conversation conversation = conversations.computeIfAbsent(
                    command.conversationId(),
                    id -> new Conversation(
                            id, conversationConfig.systemPrompt(), conversationConfig.historyMaxMessages()));
            try (Conversation.Turn turn = conversation.awaitTurn()) {
                return answer(command, sink, turn);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChatOutcome.Reply(false, Optional.empty());
        } finally {
            perUser.release(userKey);
        }
    }

    private ChatOutcome answer(SendMessageCommand command, ReplySink sink, Conversation.Turn turn)
            throws InterruptedException {
        if (command.cancellation().isCancelled()) {
            return new ChatOutcome.Reply(false, Optional.empty());
        }
        turn.addUserMessage(command.text());
        TokenWindow.Selection selection = window.select(turn.pinned(), turn.history());
        boolean slot;
        try {
            slot = global.acquire(
                    admission.queueNoticeAfter(), admission.queueTimeout(), sink::queued, command.cancellation());
        } catch (InterruptedException e) {
            turn.withdrawNewestUserMessage();
            throw e;
        }
        if (!slot) {
            turn.withdrawNewestUserMessage();
            return command.cancellation().isCancelled()
                    ? new ChatOutcome.Reply(false, Optional.empty())
                    : new ChatOutcome.Busy(ChatOutcome.BusyReason.QUEUE_TIMEOUT);
        }
        StringBuilder reply = new StringBuilder();
        try {
            String traceId = command.conversationId().value() + ":m" + turn.number();
            LlmResult result = llm.complete(
                    new LlmRequest(traceId, selection.messages()),
                    delta -> {
                        reply.append(delta);
                        sink.delta(delta);
                    },
                    command.cancellation());
            if (reply.length() > 0) {
                turn.addAssistantMessage(reply.toString());
            } else {
                turn.withdrawNewestUserMessage();
            }
            return new ChatOutcome.Reply(result.complete(), result.usage());
        } catch (LlmUnavailableException e) {
            if (reply.length() > 0) {
                turn.addAssistantMessage(reply.toString());
            } else {
                turn.withdrawNewestUserMessage();
            }
            return new ChatOutcome.ServiceUnavailable(e.reason(), reply.length() > 0);
        } finally {
            global.release();
        }
    }

    /** Forgets a conversation (the person left). Its history is dropped from memory. */
    public void end(ConversationId id) {
        conversations.remove(id);
    }

    /** Conversations held in memory right now. */
    public int openConversations() {
        return conversations.size();
    }

    /** Messages of {@code userKey} accepted and not yet answered. */
    public int pending(String userKey) {
        return perUser.inFlight(userKey);
    }

    /** Messages of conversation {@code id} waiting for an earlier one to be answered. */
    public int waitingTurns(ConversationId id) {
        Conversation conversation = conversations.get(id);
        return conversation == null ? 0 : conversation.waitingTurns();
    }

    /** Model calls running right now. */
    public int inFlight() {
        return global.inFlight();
    }

    /** Messages waiting for a model slot right now. */
    public int queued() {
        return global.waiting();
    }

    /** Drops rate-limit state that has left its window; call now and then to bound memory. */
    public void purgeExpiredRateState() {
        rateLimiter.purgeExpired();
    }

    /** Builds a {@link ChatService}; every setting has the original's default. */
    public static final class Builder {
        private final LlmPort llm;
        private TokenCounter tokenCounter = TokenCounters.ESTIMATE;
        private AdmissionConfig admission = AdmissionConfig.DEFAULTS;
        private ConversationConfig conversation = ConversationConfig.DEFAULTS;
        private Clock clock = Clock.systemUTC();

        private Builder(LlmPort llm) {
            this.llm = Objects.requireNonNull(llm, "llm");
        }

        /** How prompt tokens are counted; plug in a real tokenizer (the default is a rough estimate). */
        public Builder tokenCounter(TokenCounter tokenCounter) {
            this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
            return this;
        }

        public Builder admission(AdmissionConfig admission) {
            this.admission = Objects.requireNonNull(admission, "admission");
            return this;
        }

        public Builder conversation(ConversationConfig conversation) {
            this.conversation = Objects.requireNonNull(conversation, "conversation");
            return this;
        }

        /** The clock rate limits read; inject a fixed one in tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ChatService build() {
            return new ChatService(this);
        }
    }
}
