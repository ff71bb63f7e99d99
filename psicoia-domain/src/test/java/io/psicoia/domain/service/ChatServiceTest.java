package io.psicoia.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.model.Message;
import io.psicoia.domain.model.Role;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.in.ReplySink;
import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.port.out.LlmUnavailableException.Reason;
import io.psicoia.domain.testing.FakeLlmPort;
import io.psicoia.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatServiceTest {

    private static final ConversationId ANA = new ConversationId("ana");
    private static final ConversationId BETO = new ConversationId("beto");

    private final FakeLlmPort llm = new FakeLlmPort();
    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void shutdown() {
        llm.open();
        pool.shutdownNow();
    }

    private ChatService service(AdmissionConfig admission) {
        return ChatService.builder(llm).admission(admission).clock(clock).build();
    }

    private static AdmissionConfig admission(int maxInFlight, int perUserMax, int rateMax) {
        return new AdmissionConfig(
                maxInFlight,
                perUserMax,
                rateMax,
                Duration.ofSeconds(10),
                rateMax * 5,
                Duration.ofMillis(50),
                Duration.ofSeconds(5));
    }

    /** Collects what a person would see. */
    private static final class Recorder implements ReplySink {
        final StringBuilder text = new StringBuilder();
        final List<String> deltas = new CopyOnWriteArrayList<>();
        final AtomicInteger queued = new AtomicInteger();

        @Override
        public void delta(String piece) {
            deltas.add(piece);
            text.append(piece);
        }

        @Override
        public void queued() {
            queued.incrementAndGet();
        }
    }

    @Test
    void givenAModel_whenSending_thenTheReplyStreamsToTheSinkAndIsRemembered() {
        llm.then(FakeLlmPort.reply("Te ", "escucho. ", "¿Qué pasó?"));
        ChatService chat = service(AdmissionConfig.DEFAULTS);
        Recorder sink = new Recorder();

        ChatOutcome outcome = chat.send(SendMessageCommand.of(ANA, "hoy fue un día difícil"), sink);
        chat.send(SendMessageCommand.of(ANA, "sí, en el trabajo"), new Recorder());

        assertThat(outcome).isEqualTo(new ChatOutcome.Reply(true, java.util.Optional.empty()));
        // Released sentence by sentence, after the output check.
        assertThat(sink.deltas).containsExactly("Te escucho. ", "¿Qué pasó?");
        List<Message> second = llm.requests().get(1).messages();
        assertThat(second).extracting(Message::role).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(second)
                .extracting(Message::text)
                .containsSubsequence("hoy fue un día difícil", "Te escucho. ¿Qué pasó?", "sí, en el trabajo");
        assertThat(second.get(0).text()).isEqualTo(SystemPrompt.SPANISH);
        assertThat(llm.requests().get(1).traceId()).isEqualTo("ana:m2");
    }

    @Test
    void givenTheRateLimitIsReached_whenSending_thenRefusedWithTheExactWaitAndTheModelIsNotCalled() {
        ChatService chat = service(admission(5, 2, 2));
        chat.send(SendMessageCommand.of(ANA, "uno"), new Recorder());
        clock.advance(Duration.ofSeconds(3));
        chat.send(SendMessageCommand.of(ANA, "dos"), new Recorder());
        clock.advance(Duration.ofSeconds(1));

        ChatOutcome outcome = chat.send(SendMessageCommand.of(ANA, "tres"), new Recorder());

        assertThat(outcome).isEqualTo(new ChatOutcome.RateLimited(Duration.ofSeconds(6)));
        assertThat(llm.calls()).isEqualTo(2);
        assertThat(chat.send(SendMessageCommand.of(BETO, "hola"), new Recorder()))
                .isInstanceOf(ChatOutcome.Reply.class);
    }

    @Test
    void givenPerUserMaxMessagesWaiting_whenAnotherArrives_thenBusyAtOnceAndNoRateSlotTaken() throws Exception {
        llm.hold();
        ChatService chat = service(admission(5, 2, 3));
        Future<ChatOutcome> first = pool.submit(() -> chat.send(SendMessageCommand.of(ANA, "uno"), new Recorder()));
        Future<ChatOutcome> second = pool.submit(() -> chat.send(SendMessageCommand.of(ANA, "dos"), new Recorder()));
        while (llm.running() < 1 || chat.pending("ana") < 2) {
            Thread.onSpinWait();
        }

        ChatOutcome third = chat.send(SendMessageCommand.of(ANA, "tres"), new Recorder());
        llm.open();

        assertThat(third).isEqualTo(new ChatOutcome.Busy(ChatOutcome.BusyReason.PER_USER));
        assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(ChatOutcome.Reply.class);
        assertThat(second.get(5, TimeUnit.SECONDS)).isInstanceOf(ChatOutcome.Reply.class);
        // the refused message took no rate slot: a third message is still allowed in this window
        assertThat(chat.send(SendMessageCommand.of(ANA, "tres otra vez"), new Recorder()))
                .isInstanceOf(ChatOutcome.Reply.class);
    }

    @Test
    void givenOneConversation_whenMessagesArriveTogether_thenAnsweredOneAtATimeInOrder() throws Exception {
        llm.hold();
        ChatService chat = service(admission(5, 10, 10));
        List<Future<ChatOutcome>> results = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String text = "mensaje " + i;
            results.add(pool.submit(() -> chat.send(SendMessageCommand.of(ANA, text), new Recorder())));
            int waitingBefore = i - 1;
            while (llm.running() < 1 || chat.waitingTurns(ANA) < waitingBefore) {
                Thread.onSpinWait();
            }
        }
        llm.open();
        for (Future<ChatOutcome> result : results) {
            result.get(5, TimeUnit.SECONDS);
        }

        assertThat(llm.maxConcurrentCalls()).isEqualTo(1);
        assertThat(llm.requests())
                .extracting(request ->
                        request.messages().get(request.messages().size() - 1).text())
                .containsExactly("mensaje 1", "mensaje 2", "mensaje 3", "mensaje 4");
    }

    @Test
    void givenDifferentConversations_whenSendingTogether_thenTheyRunInParallelUpToMaxInFlight() throws Exception {
        llm.hold();
        ChatService chat = service(admission(3, 2, 10));
        List<Future<ChatOutcome>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ConversationId id = new ConversationId("c" + i);
            results.add(pool.submit(() -> chat.send(SendMessageCommand.of(id, "hola"), new Recorder())));
        }
        while (llm.running() < 3 || chat.queued() < 3) {
            Thread.onSpinWait();
        }
        llm.open();
        for (Future<ChatOutcome> result : results) {
            assertThat(result.get(5, TimeUnit.SECONDS)).isInstanceOf(ChatOutcome.Reply.class);
        }

        assertThat(llm.maxConcurrentCalls()).isEqualTo(3);
        assertThat(chat.openConversations()).isEqualTo(6);
    }

    @Test
    void givenEverySlotTaken_whenWaitingTooLong_thenToldItIsQueuedAndThenBusy() throws Exception {
        llm.hold();
        AdmissionConfig tight = new AdmissionConfig(
                1, 2, 10, Duration.ofSeconds(10), 50, Duration.ofMillis(20), Duration.ofMillis(200));
        ChatService chat = service(tight);
        Future<ChatOutcome> first = pool.submit(() -> chat.send(SendMessageCommand.of(ANA, "uno"), new Recorder()));
        while (llm.running() < 1) {
            Thread.onSpinWait();
        }
        Recorder waiting = new Recorder();

        ChatOutcome outcome = chat.send(SendMessageCommand.of(BETO, "hola"), waiting);
        llm.open();
        first.get(5, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo(new ChatOutcome.Busy(ChatOutcome.BusyReason.QUEUE_TIMEOUT));
        assertThat(waiting.queued.get()).isEqualTo(1);
        assertThat(waiting.deltas).isEmpty();
        // the refused message was withdrawn: the next turn does not carry it
        chat.send(SendMessageCommand.of(BETO, "otra vez"), new Recorder());
        assertThat(llm.requests().get(llm.calls() - 1).messages())
                .extracting(Message::text)
                .doesNotContain("hola");
    }

    @Test
    void givenTheModelFails_whenSending_thenUnavailableAndTheMessageIsWithdrawn() {
        llm.then(FakeLlmPort.failure(Reason.UPSTREAM_ERROR));
        ChatService chat = service(AdmissionConfig.DEFAULTS);

        ChatOutcome outcome = chat.send(SendMessageCommand.of(ANA, "primero"), new Recorder());
        chat.send(SendMessageCommand.of(ANA, "segundo"), new Recorder());

        assertThat(outcome).isEqualTo(new ChatOutcome.ServiceUnavailable(Reason.UPSTREAM_ERROR, false));
        assertThat(llm.requests().get(1).messages()).extracting(Message::text).doesNotContain("primero");
    }

    @Test
    void givenTheModelFailsMidStream_whenSending_thenPartialIsReportedAndKept() {
        llm.then(FakeLlmPort.failure(Reason.UPSTREAM_ERROR, "Te escucho"));
        ChatService chat = service(AdmissionConfig.DEFAULTS);
        Recorder sink = new Recorder();

        ChatOutcome outcome = chat.send(SendMessageCommand.of(ANA, "hola"), sink);
        chat.send(SendMessageCommand.of(ANA, "sigo"), new Recorder());

        assertThat(outcome).isEqualTo(new ChatOutcome.ServiceUnavailable(Reason.UPSTREAM_ERROR, true));
        assertThat(sink.text).hasToString("Te escucho");
        assertThat(llm.requests().get(1).messages()).extracting(Message::text).contains("hola", "Te escucho");
    }

    @Test
    void givenACancelledMessage_whenTheModelIsStreaming_thenTheReplyIsIncomplete() throws Exception {
        llm.hold();
        ChatService chat = service(AdmissionConfig.DEFAULTS);
        Cancellation cancellation = new Cancellation();
        Future<ChatOutcome> result =
                pool.submit(() -> chat.send(new SendMessageCommand(ANA, "ana", "hola", cancellation), new Recorder()));
        while (llm.running() < 1) {
            Thread.onSpinWait();
        }

        cancellation.cancel();

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(new ChatOutcome.Reply(false, java.util.Optional.empty()));
        assertThat(chat.inFlight()).isZero();
    }

    @Test
    void givenAConversationEnded_whenCounting_thenItIsForgotten() {
        ChatService chat = service(AdmissionConfig.DEFAULTS);
        chat.send(SendMessageCommand.of(ANA, "hola"), new Recorder());

        chat.end(ANA);

        assertThat(chat.openConversations()).isZero();
    }

    @Test
    void givenASmallBudget_whenHistoryGrows_thenOnlyTheNewestTurnsAreSent() {
        ChatService chat = ChatService.builder(llm)
                .conversation(new ConversationConfig("sys", 40, 50))
                .tokenCounter(text -> text.length())
                .clock(clock)
                .admission(admission(5, 2, 100))
                .build();
        for (int i = 0; i < 5; i++) {
            chat.send(SendMessageCommand.of(ANA, "mensaje " + i), new Recorder());
        }

        List<Message> last = llm.requests().get(4).messages();
        assertThat(last.get(0).text()).isEqualTo("sys");
        assertThat(last.get(last.size() - 1).text()).isEqualTo("mensaje 4");
        assertThat(last).hasSizeLessThan(10);
    }

    @Test
    void givenManyConversations_whenEachSendsTwice_thenTheSystemPromptIsCountedOnceAndEachMessageAtMostOnce() {
        java.util.Map<String, AtomicInteger> counted = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, AtomicInteger> bounded = new java.util.concurrent.ConcurrentHashMap<>();
        io.psicoia.domain.model.TokenCounter counter = new io.psicoia.domain.model.TokenCounter() {
            @Override
            public int count(String text) {
                counted.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
                return (text.length() + 2) / 3;
            }

            @Override
            public int upperBound(String text) {
                bounded.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
                return text.length();
            }
        };
        llm.byDefault(FakeLlmPort.reply("Te escucho."));
        // A budget the bounds overflow, so the window counts exactly (the prompt is always counted exactly).
        ChatService chat = ChatService.builder(llm)
                .conversation(new ConversationConfig("sistema ".repeat(10), 60, 10))
                .tokenCounter(counter)
                .clock(clock)
                .admission(admission(5, 2, 100))
                .build();
        for (int turn = 0; turn < 3; turn++) {
            for (ConversationId id : List.of(ANA, BETO, new ConversationId("carla"))) {
                chat.send(SendMessageCommand.of(id, "mensaje " + turn + " de " + id.value()), new Recorder());
            }
        }

        assertThat(counted.get("sistema ".repeat(10)))
                .as("prompt counted once for every conversation")
                .hasValue(1);
        assertThat(counted.get("mensaje 0 de ana"))
                .as("a held message is tokenized once")
                .hasValue(1);
        assertThat(bounded.get("mensaje 0 de ana")).as("and measured once").hasValue(1);
        assertThat(llm.requests()).hasSize(9);
        assertThat(llm.requests().get(8).messages()).extracting(Message::text).contains("mensaje 2 de carla");
    }

    @Test
    void givenACommand_whenPrinted_thenTheTextDoesNotShow() {
        assertThat(SendMessageCommand.of(ANA, "secreto íntimo").toString()).doesNotContain("secreto");
    }
}
