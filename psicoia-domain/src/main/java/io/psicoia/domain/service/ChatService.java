package io.psicoia.domain.service;

import io.psicoia.domain.admission.GlobalInFlightLimiter;
import io.psicoia.domain.admission.PerKeyInFlightLimiter;
import io.psicoia.domain.admission.RateDecision;
import io.psicoia.domain.admission.RateLimiter;
import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.Conversation;
import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.model.Message;
import io.psicoia.domain.model.TokenCounter;
import io.psicoia.domain.model.TokenUsage;
import io.psicoia.domain.model.TokenWindow;
import io.psicoia.domain.port.in.Admission;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.in.EndConversationUseCase;
import io.psicoia.domain.port.in.ReplySink;
import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.port.in.SendMessageUseCase;
import io.psicoia.domain.port.in.SubmitMessageUseCase;
import io.psicoia.domain.port.out.ChatEvents;
import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmResult;
import io.psicoia.domain.port.out.LlmUnavailableException;
import io.psicoia.domain.safety.Helplines;
import io.psicoia.domain.safety.RiskTriage;
import io.psicoia.domain.safety.SafetyNotice;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends a person's message to the model and streams the reply back, within the service's limits.
 *
 * <p>Admission happens at once and never blocks: the per-person in-flight limit ({@code Busy} when full), then the
 * rate limits per person and per client address ({@code RateLimited} with the exact wait). A refused message never
 * reaches the model and takes no rate slot. An admitted message joins its conversation's line: a conversation's
 * messages are answered one at a time, in the order they were admitted, while different conversations proceed in
 * parallel. The message at the head of its line queues for a model slot (first come, first served); after
 * {@code queueNoticeAfter} the sink hears {@code queued()}, after {@code queueTimeout} the message ends as
 * {@code Busy}. Waiting holds no thread: only messages that hold a model slot run on the worker executor. A message
 * the model could not answer is withdrawn from the history, so sending it again does not repeat it.
 *
 * <p>Safety comes before every limit. Each message is read by the crisis triage first, and its conversation's risk
 * state is kept outside the token window. A message that shows risk (or is sent while the conversation is at risk)
 * gets its safety notice at once, on the calling thread, and is never refused, never told to wait and never answered
 * with an error: it takes no rate slot, goes ahead of ordinary messages in the model queue, the model answers it
 * under a pinned safety instruction, and when the model cannot, a fixed follow-up does ({@link
 * ChatOutcome.SafeFallback}). The tools ({@code /ayuda}, {@code /respirar}, {@code /anclaje}, {@code /plan}, {@code
 * /pais}) are answered with fixed texts, in the conversation's order, without the model and without limits. Every
 * reply of the model is released sentence by sentence after the output check; a sentence that fails it is replaced
 * by a safe text and the model is stopped.
 */
public final class ChatService implements SendMessageUseCase, SubmitMessageUseCase, EndConversationUseCase {

    private final LlmPort llm;
    private final TokenWindow window;
    private final TokenCounter tokenCounter;
    private final AdmissionConfig admission;
    private final ConversationConfig conversationConfig;
    private final RateLimiter userRate;
    private final RateLimiter addressRate;
    private final PerKeyInFlightLimiter perUser;
    private final GlobalInFlightLimiter global;
    private final Executor worker;
    private final ScheduledExecutorService timers;
    private final ConcurrentHashMap<ConversationId, Line> lines = new ConcurrentHashMap<>();
    /** One system prompt instance for every conversation, so its tokens are counted once per service. */
    private final Message systemPrompt;

    private final SafetyDesk safety;
    private final ChatEvents events;

    private ChatService(Builder builder) {
        this.llm = builder.llm;
        this.admission = builder.admission;
        this.conversationConfig = builder.conversation;
        this.systemPrompt = Message.system(conversationConfig.systemPrompt());
        this.tokenCounter = new PromptCountedOnce(builder.tokenCounter, systemPrompt);
        this.window = new TokenWindow(tokenCounter, conversationConfig.inputTokenBudget());
        this.userRate = new RateLimiter(admission.rateMaxMessages(), admission.rateWindow(), builder.clock);
        this.addressRate =
                new RateLimiter(admission.rateMaxMessagesPerAddress(), admission.rateWindow(), builder.clock);
        this.perUser = new PerKeyInFlightLimiter(admission.perUserMax());
        this.global = new GlobalInFlightLimiter(admission.maxInFlight());
        this.worker = builder.worker != null ? builder.worker : DefaultThreads.WORKERS;
        this.timers = builder.timers != null ? builder.timers : DefaultThreads.TIMERS;
        this.events = builder.events;
        this.safety = new SafetyDesk(
                builder.triage != null ? builder.triage : DefaultSafety.TRIAGE,
                builder.helplines != null ? builder.helplines : DefaultSafety.HELPLINES,
                builder.defaultCountry);
    }

    /** Starts building a service around the given model. */
    public static Builder builder(LlmPort llm) {
        return new Builder(llm);
    }

    @Override
    public Admission submit(SendMessageCommand command, ReplySink sink, Consumer<ChatOutcome> onDone) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(onDone, "onDone");
        Line line = lineOf(command.conversationId());
        SafetyDesk.Intake intake = safety.intake(line.care, command);
        intake.tool().ifPresent(events::toolUsed);
        if (intake.notice().isPresent()) {
            SafetyNotice notice = intake.notice().get();
            events.safetyNotice(notice.level(), notice.about());
            sink.safety(notice);
        }
        if (!intake.toModel() && intake.localReply().isEmpty()) {
            events.admitted(true);
            ChatOutcome answered = new ChatOutcome.Reply(true, Optional.empty());
            events.finished(answered);
            onDone.accept(answered);
            return new Admission.Accepted();
        }
        String userKey = command.userKey();
        if (intake.urgent()) {
            perUser.forceAcquire(userKey);
        } else {
            if (!perUser.tryAcquire(userKey)) {
                return refuse(new ChatOutcome.Busy(ChatOutcome.BusyReason.PER_USER));
            }
            Optional<Duration> wait = takeRateSlots(command);
            if (wait.isPresent()) {
                perUser.release(userKey);
                return refuse(new ChatOutcome.RateLimited(wait.get()));
            }
        }
        events.admitted(intake.urgent());
        Job job = new Job(
                command, sink, onDone, intake.urgent(), intake.localReply().orElse(null));
        if (line.enqueue(job)) {
            dispatch(job);
        }
        return new Admission.Accepted();
    }

    private Admission refuse(ChatOutcome refusal) {
        events.refused(refusal);
        return new Admission.Refused(refusal);
    }

    /** The conversation's line, made on its first message (or again after it was ended and forgotten). */
    private Line lineOf(ConversationId id) {
        Line line = lines.get(id);
        return line != null ? line : lines.computeIfAbsent(id, Line::new);
    }

    /**
     * Sends a message and waits for the whole reply (for terminals and libraries; servers use {@link #submit}). The
     * sink is called on a worker thread while this thread waits. If this thread is interrupted, the message is
     * cancelled.
     */
    @Override
    public ChatOutcome send(SendMessageCommand command, ReplySink sink) {
        CompletableFuture<ChatOutcome> done = new CompletableFuture<>();
        Admission admission = submit(command, sink, done::complete);
        if (admission instanceof Admission.Refused refused) {
            return refused.outcome();
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            command.cancellation().cancel();
            Thread.currentThread().interrupt();
            return done.join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a chat turn failed unexpectedly", e.getCause());
        }
    }

    /** Takes a slot in the person's window and in their address's; when either is full, takes none. */
    private Optional<Duration> takeRateSlots(SendMessageCommand command) {
        RateDecision user = userRate.tryAcquire(command.userKey());
        if (!user.allowed()) {
            return Optional.of(user.retryAfter());
        }
        if (command.clientAddress().isPresent()) {
            RateDecision address =
                    addressRate.tryAcquire(command.clientAddress().get());
            if (!address.allowed()) {
                userRate.release(command.userKey());
                return Optional.of(address.retryAfter());
            }
        }
        return Optional.empty();
    }

    /** The job is at the head of its line: answer it here when it needs no model, else queue it for a model slot. */
    private void dispatch(Job job) {
        Cancellation cancellation = job.command.cancellation();
        if (cancellation.isCancelled()) {
            finish(job, new ChatOutcome.Reply(false, Optional.empty()));
            return;
        }
        if (job.localReply != null) {
            job.sink.delta(job.localReply);
            finish(job, new ChatOutcome.Reply(true, Optional.empty()));
            return;
        }
        synchronized (job) {
            job.queuedAt = System.nanoTime();
            job.reservation = global.reserve(() -> execute(job), job.urgent);
            if (job.reservation.granted()) {
                return;
            }
            if (!job.urgent) {
                // A message at risk already had its notice: it is never told to wait.
                job.notice = timers.schedule(
                        job::noticeIfWaiting, admission.queueNoticeAfter().toMillis(), TimeUnit.MILLISECONDS);
            }
            job.timeout = timers.schedule(
                    () -> {
                        if (job.reservation.cancel()) {
                            events.queueAbandoned(job.waited(), true);
                            finish(
                                    job,
                                    job.urgent
                                            ? fallback(job, Optional.empty())
                                            : new ChatOutcome.Busy(ChatOutcome.BusyReason.QUEUE_TIMEOUT));
                        }
                    },
                    admission.queueTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            job.cancelRegistration = cancellation.onCancel(() -> {
                if (job.reservation.cancel()) {
                    events.queueAbandoned(job.waited(), false);
                    finish(job, new ChatOutcome.Reply(false, Optional.empty()));
                }
            });
        }
    }

    /** The job holds a model slot: hand it to a worker. */
    private void execute(Job job) {
        events.slotGranted(job.waited());
        try {
            worker.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            global.release();
            finish(job, failed(job));
        }
    }

    /** Runs on a worker with a model slot held. */
    private void run(Job job) {
        job.start();
        ChatOutcome outcome;
        try {
            outcome = answer(job);
        } catch (RuntimeException e) {
            outcome = failed(job);
        } finally {
            global.release();
        }
        finish(job, outcome);
    }

    private ChatOutcome answer(Job job) {
        SendMessageCommand command = job.command;
        if (command.cancellation().isCancelled()) {
            return new ChatOutcome.Reply(false, Optional.empty());
        }
        Conversation conversation = job.line.conversation;
        Conversation.Turn turn;
        try {
            turn = conversation.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChatOutcome.Reply(false, Optional.empty());
        }
        try (turn) {
            turn.setSafetyNote(safety.modelNote(job.line.care));
            turn.addUserMessage(command.text());
            TokenWindow.Selection selection =
                    window.select(turn.pinned(), turn.history(), turn.remembering(tokenCounter));
            ReplyText reply = new ReplyText();
            Cancellation call = new Cancellation();
            long start = System.nanoTime();
            CheckedStream checked = new CheckedStream(
                    safety.outputCheck(),
                    text -> {
                        reply.append(text, start);
                        job.sink.delta(text);
                    },
                    call);
            ChatOutcome outcome;
            Optional<TokenUsage> usage = Optional.empty();
            try (Cancellation.Registration forward = command.cancellation().onCancel(call::cancel)) {
                String traceId = command.conversationId().value() + ":m" + turn.number();
                LlmResult result = llm.complete(new LlmRequest(traceId, selection.messages()), checked, call);
                usage = result.usage();
                checked.finish();
                if (checked.failed()) {
                    events.replyReplaced();
                    String replacement = (reply.length() > 0 ? "\n\n" : "") + safety.replacement(job.line.care);
                    reply.append(replacement, start);
                    job.sink.delta(replacement);
                    outcome = new ChatOutcome.Reply(true, result.usage());
                } else {
                    outcome = new ChatOutcome.Reply(result.complete(), result.usage());
                }
            } catch (LlmUnavailableException e) {
                checked.finish();
                if (job.urgent && !command.cancellation().isCancelled()) {
                    String followUp = (reply.length() > 0 ? "\n\n" : "") + safety.fallback(job.line.care);
                    reply.append(followUp, start);
                    job.sink.delta(followUp);
                    outcome = new ChatOutcome.SafeFallback(Optional.of(e.reason()));
                } else {
                    outcome = new ChatOutcome.ServiceUnavailable(e.reason(), reply.length() > 0);
                }
            }
            keepWhatWasSaid(turn, reply);
            events.modelCall(reply.firstText(), Duration.ofNanos(System.nanoTime() - start), outcome, usage);
            return outcome;
        }
    }

    /** The outcome of a job that failed unexpectedly (a bug, or no worker thread could take it). */
    private ChatOutcome failed(Job job) {
        LlmUnavailableException.Reason reason = LlmUnavailableException.Reason.UPSTREAM_ERROR;
        return job.urgent ? fallback(job, Optional.of(reason)) : new ChatOutcome.ServiceUnavailable(reason, false);
    }

    /** A message at risk that got no model slot in time: the fixed follow-up instead of {@code Busy}. */
    private ChatOutcome fallback(Job job, Optional<LlmUnavailableException.Reason> modelFailure) {
        job.sink.delta(safety.fallback(job.line.care));
        return new ChatOutcome.SafeFallback(modelFailure);
    }

    /** The part of a reply the person saw stays in the history; an unanswered message is withdrawn. */
    private static void keepWhatWasSaid(Conversation.Turn turn, ReplyText reply) {
        if (reply.length() > 0) {
            turn.addAssistantMessage(reply.toString());
        } else {
            turn.withdrawNewestUserMessage();
        }
    }

    /** A reply's text as it streams: a reply that comes in one piece is kept as that piece, without a copy. */
    private static final class ReplyText {
        private String first;
        private StringBuilder joined;
        /** Nanoseconds from the call's start to the first text, -1 before it. */
        private long firstNanos = -1;

        /** Adds released text; {@code callStart} ({@link System#nanoTime()}) times the first piece. */
        void append(String delta, long callStart) {
            if (first == null) {
                firstNanos = System.nanoTime() - callStart;
                first = delta;
            } else {
                if (joined == null) {
                    joined = new StringBuilder(first.length() + delta.length() + 64).append(first);
                }
                joined.append(delta);
            }
        }

        int length() {
            return joined != null ? joined.length() : first != null ? first.length() : 0;
        }

        Optional<Duration> firstText() {
            return firstNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(firstNanos));
        }

        @Override
        public String toString() {
            return joined != null ? joined.toString() : first != null ? first : "";
        }
    }

    /**
     * The service's counter, with the system prompt (the same instance in every conversation) counted once for the
     * whole service instead of once per conversation.
     */
    private static final class PromptCountedOnce implements TokenCounter {
        private final TokenCounter counter;
        private final Message prompt;
        /** The prompt's count, -1 until first asked; racing first callers count the same number. */
        private volatile int promptTokens = -1;

        private PromptCountedOnce(TokenCounter counter, Message prompt) {
            this.counter = counter;
            this.prompt = prompt;
        }

        @Override
        public int count(String text) {
            return counter.count(text);
        }

        @Override
        public int upperBound(String text) {
            return counter.upperBound(text);
        }

        @Override
        public int count(Message message) {
            if (message != prompt) {
                return counter.count(message);
            }
            int tokens = promptTokens;
            if (tokens < 0) {
                tokens = counter.count(message);
                promptTokens = tokens;
            }
            return tokens;
        }

        @Override
        public int upperBound(Message message) {
            return message == prompt ? count(message) : counter.upperBound(message);
        }
    }

    private void finish(Job job, ChatOutcome outcome) {
        events.finished(outcome);
        job.stopTimers();
        perUser.release(job.command.userKey());
        Optional<Job> next = job.line.complete(job);
        try {
            job.onDone.accept(outcome);
        } finally {
            // The next message of the conversation starts only after this one's outcome was reported.
            next.ifPresent(this::dispatch);
        }
    }

    /** Forgets a conversation (the person left). Its history is dropped from memory once its line is empty. */
    @Override
    public void end(ConversationId id) {
        lines.computeIfPresent(id, (key, line) -> line.idle() ? null : line.endWhenIdle());
    }

    /** Conversations held in memory right now. */
    public int openConversations() {
        return lines.size();
    }

    /** Messages of {@code userKey} accepted and not yet answered. */
    public int pending(String userKey) {
        return perUser.inFlight(userKey);
    }

    /** Messages of conversation {@code id} waiting behind an earlier one. */
    public int waitingTurns(ConversationId id) {
        Line line = lines.get(id);
        return line == null ? 0 : line.waiting();
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
        userRate.purgeExpired();
        addressRate.purgeExpired();
    }

    /** One conversation's messages, answered one at a time in admission order. */
    private final class Line {
        private final Conversation conversation;
        private final SafetyDesk.Care care = new SafetyDesk.Care();
        private final Deque<Job> jobs = new ArrayDeque<>();
        private boolean ending;

        private Line(ConversationId id) {
            this.conversation = new Conversation(id, systemPrompt, conversationConfig.historyMaxMessages());
        }

        /** Adds a job; true when it is now at the head and should be dispatched. */
        synchronized boolean enqueue(Job job) {
            job.line = this;
            ending = false;
            jobs.addLast(job);
            return jobs.size() == 1;
        }

        /** Removes the finished head; returns the next job to dispatch, if any. */
        Optional<Job> complete(Job job) {
            Job next;
            boolean forget;
            synchronized (this) {
                jobs.remove(job);
                next = jobs.peekFirst();
                forget = next == null && ending;
            }
            if (forget) {
                lines.remove(conversation.id(), this);
            }
            return Optional.ofNullable(next);
        }

        synchronized boolean idle() {
            return jobs.isEmpty();
        }

        synchronized Line endWhenIdle() {
            ending = true;
            return this;
        }

        synchronized int waiting() {
            return Math.max(0, jobs.size() - 1);
        }
    }

    /** One admitted message on its way through the line, the queue and the model. */
    private static final class Job {
        private final SendMessageCommand command;
        private final ReplySink sink;
        private final Consumer<ChatOutcome> onDone;
        /** Shows risk (or is a tool): no limit refuses it, it goes ahead in the model queue, it never gets Busy. */
        private final boolean urgent;
        /** The fixed reply that answers it instead of the model, or null. */
        private final String localReply;

        private Line line;
        /** When it asked for a model slot ({@link System#nanoTime()}). */
        private long queuedAt;

        private GlobalInFlightLimiter.Reservation reservation;
        private ScheduledFuture<?> notice;
        private ScheduledFuture<?> timeout;
        private Cancellation.Registration cancelRegistration;
        private boolean started;

        private Job(
                SendMessageCommand command,
                ReplySink sink,
                Consumer<ChatOutcome> onDone,
                boolean urgent,
                String localReply) {
            this.command = command;
            this.sink = sink;
            this.onDone = onDone;
            this.urgent = urgent;
            this.localReply = localReply;
        }

        Duration waited() {
            return Duration.ofNanos(System.nanoTime() - queuedAt);
        }

        /** Tells the person their message is waiting, unless it has started meanwhile. */
        synchronized void noticeIfWaiting() {
            if (!started && !reservation.granted()) {
                sink.queued();
            }
        }

        /** Marks the job running: after this no queued notice is sent. */
        synchronized void start() {
            started = true;
            stopTimers();
        }

        synchronized void stopTimers() {
            if (notice != null) {
                notice.cancel(false);
            }
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (cancelRegistration != null) {
                cancelRegistration.close();
            }
        }
    }

    /** Threads for library users who do not bring their own: daemon threads, created on first use. */
    private static final class DefaultThreads {
        static final ExecutorService WORKERS =
                ChatThreads.workers("psicoia-chat", AdmissionConfig.DEFAULTS.maxInFlight());
        static final ScheduledExecutorService TIMERS = ChatThreads.timers("psicoia-timer");
    }

    /** The triage and helplines for services built without their own: loaded on first use, shared. */
    private static final class DefaultSafety {
        static final RiskTriage TRIAGE = new RiskTriage();
        static final Helplines HELPLINES = Helplines.load();
    }

    /** Builds a {@link ChatService}; every setting has the original's default. */
    public static final class Builder {
        private final LlmPort llm;
        private TokenCounter tokenCounter = TokenCounters.ESTIMATE;
        private AdmissionConfig admission = AdmissionConfig.DEFAULTS;
        private ConversationConfig conversation = ConversationConfig.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private Executor worker;
        private ScheduledExecutorService timers;
        private RiskTriage triage;
        private Helplines helplines;
        private Optional<String> defaultCountry = Optional.empty();
        private ChatEvents events = ChatEvents.NONE;

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

        /**
         * Where model calls run (they block while the reply streams). At most {@code maxInFlight} run at once. The
         * default is a pool of daemon threads shared by every service built without one.
         */
        public Builder worker(Executor worker) {
            this.worker = Objects.requireNonNull(worker, "worker");
            return this;
        }

        /** Runs the queue's notice and timeout timers; the default is one shared daemon thread. */
        public Builder timers(ScheduledExecutorService timers) {
            this.timers = Objects.requireNonNull(timers, "timers");
            return this;
        }

        /** The crisis triage; the default is PsicoIA's own, shared by every service built without one. */
        public Builder triage(RiskTriage triage) {
            this.triage = Objects.requireNonNull(triage, "triage");
            return this;
        }

        /** The crisis lines shown to people at risk; the default is the verified list shipped with PsicoIA. */
        public Builder helplines(Helplines helplines) {
            this.helplines = Objects.requireNonNull(helplines, "helplines");
            return this;
        }

        /**
         * The country whose lines are shown when neither the person ({@code /pais}) nor their locale says where they
         * are ({@code AR}, {@code ES}…). Without one, nothing is guessed: the notice gives the emergency guidance and
         * asks where the person is.
         *
         * @throws IllegalArgumentException at {@link #build()} when there are no lines for it
         */
        public Builder defaultCountry(Optional<String> country) {
            this.defaultCountry = Objects.requireNonNull(country, "country");
            return this;
        }

        /** Where counts and timings go (metrics); nothing by default. */
        public Builder events(ChatEvents events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        public ChatService build() {
            return new ChatService(this);
        }
    }
}
