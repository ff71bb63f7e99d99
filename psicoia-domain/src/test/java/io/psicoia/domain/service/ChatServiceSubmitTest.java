package io.psicoia.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.port.in.Admission;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.in.ReplySink;
import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.testing.FakeLlmPort;
import io.psicoia.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The non-blocking face servers use: admission at once, answers later, waiting holds no thread. */
class ChatServiceSubmitTest {

    private final FakeLlmPort llm = new FakeLlmPort();
    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final AtomicInteger tasksGiven = new AtomicInteger();

    @AfterEach
    void shutdown() {
        llm.open();
        pool.shutdownNow();
    }

    private ChatService service(int maxInFlight, int rateMax, int rateMaxPerAddress, Duration queueTimeout) {
        return ChatService.builder(llm)
                .admission(new AdmissionConfig(
                        maxInFlight,
                        2,
                        rateMax,
                        Duration.ofSeconds(10),
                        rateMaxPerAddress,
                        Duration.ofMillis(30),
                        queueTimeout))
                .clock(clock)
                .worker(task -> {
                    tasksGiven.incrementAndGet();
                    pool.execute(task);
                })
                .build();
    }

    private static SendMessageCommand from(String user, String address, String text, Cancellation cancellation) {
        return new SendMessageCommand(new ConversationId(user), user, text, cancellation, Optional.of(address));
    }

    /** What one message produced. */
    private static final class Watch implements ReplySink {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatOutcome> done = new CompletableFuture<>();

        @Override
        public void delta(String text) {
            events.add("delta:" + text);
        }

        @Override
        public void queued() {
            events.add("queued");
        }

        void done(ChatOutcome outcome) {
            events.add("done");
            done.complete(outcome);
        }

        ChatOutcome outcome() throws Exception {
            return done.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void givenAHeldModel_whenSubmitting_thenAdmittedAtOnceAndAnsweredLaterExactlyOnce() throws Exception {
        llm.hold();
        ChatService chat = service(5, 6, 30, Duration.ofSeconds(5));
        Watch watch = new Watch();

        Admission admission = chat.submit(from("ana", "10.0.0.1", "hola", new Cancellation()), watch, watch::done);

        assertThat(admission).isInstanceOf(Admission.Accepted.class);
        assertThat(watch.done).isNotDone();
        llm.open();
        assertThat(watch.outcome()).isInstanceOf(ChatOutcome.Reply.class);
        assertThat(watch.events).containsExactly("delta:Te escucho.", "done");
    }

    @Test
    void givenOneAddressOverItsWindow_whenAnotherPersonThereSends_thenRateLimitedButElsewhereFine() throws Exception {
        ChatService chat = service(5, 6, 3, Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            Watch watch = new Watch();
            chat.submit(from("p" + i, "10.0.0.1", "hola", new Cancellation()), watch, watch::done);
            watch.outcome();
        }
        clock.advance(Duration.ofSeconds(4));

        Admission sameAddress =
                chat.submit(from("nueva", "10.0.0.1", "hola", new Cancellation()), new Watch(), o -> {});
        Watch elsewhere = new Watch();
        Admission otherAddress =
                chat.submit(from("nueva", "10.0.0.2", "hola", new Cancellation()), elsewhere, elsewhere::done);

        assertThat(sameAddress).isEqualTo(new Admission.Refused(new ChatOutcome.RateLimited(Duration.ofSeconds(6))));
        assertThat(otherAddress).isInstanceOf(Admission.Accepted.class);
        assertThat(elsewhere.outcome()).isInstanceOf(ChatOutcome.Reply.class);
        assertThat(llm.calls()).isEqualTo(4);
    }

    @Test
    void givenOneModelSlot_whenManyConversationsWait_thenOnlyTheRunningOneHoldsAThread() throws Exception {
        llm.hold();
        ChatService chat = service(1, 6, 30, Duration.ofSeconds(5));
        List<Watch> watches = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            Watch watch = new Watch();
            watches.add(watch);
            chat.submit(from("c" + i, "10.0.0." + i, "hola", new Cancellation()), watch, watch::done);
        }
        while (llm.running() < 1) {
            Thread.onSpinWait();
        }

        assertThat(tasksGiven.get()).isEqualTo(1);
        assertThat(chat.queued()).isEqualTo(9);
        llm.open();
        for (Watch watch : watches) {
            assertThat(watch.outcome()).isInstanceOf(ChatOutcome.Reply.class);
        }
        assertThat(tasksGiven.get()).isEqualTo(10);
        assertThat(llm.maxConcurrentCalls()).isEqualTo(1);
    }

    @Test
    void givenAWaitingMessage_whenCancelled_thenItEndsIncompleteWithoutReachingTheModel() throws Exception {
        llm.hold();
        ChatService chat = service(1, 6, 30, Duration.ofSeconds(5));
        Watch first = new Watch();
        chat.submit(from("ana", "10.0.0.1", "hola", new Cancellation()), first, first::done);
        while (llm.running() < 1) {
            Thread.onSpinWait();
        }
        Cancellation cancellation = new Cancellation();
        Watch waiting = new Watch();
        chat.submit(from("beto", "10.0.0.2", "hola", cancellation), waiting, waiting::done);

        cancellation.cancel();

        assertThat(waiting.outcome()).isEqualTo(new ChatOutcome.Reply(false, Optional.empty()));
        assertThat(chat.queued()).isZero();
        assertThat(chat.pending("beto")).isZero();
        llm.open();
        first.outcome();
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenAMessageWaitingPastTheNotice_whenTimedOut_thenQueuedOnceThenBusyAndNothingElse() throws Exception {
        llm.hold();
        ChatService chat = service(1, 6, 30, Duration.ofMillis(150));
        Watch first = new Watch();
        chat.submit(from("ana", "10.0.0.1", "hola", new Cancellation()), first, first::done);
        Watch waiting = new Watch();

        chat.submit(from("beto", "10.0.0.2", "hola", new Cancellation()), waiting, waiting::done);

        assertThat(waiting.outcome()).isEqualTo(new ChatOutcome.Busy(ChatOutcome.BusyReason.QUEUE_TIMEOUT));
        assertThat(waiting.events).containsExactly("queued", "done");
        llm.open();
        assertThat(first.outcome()).isInstanceOf(ChatOutcome.Reply.class);
    }

    @Test
    void givenAnEndedConversation_whenItsLastMessageFinishes_thenItIsForgotten() throws Exception {
        llm.hold();
        ChatService chat = service(2, 6, 30, Duration.ofSeconds(5));
        Watch watch = new Watch();
        chat.submit(from("ana", "10.0.0.1", "hola", new Cancellation()), watch, watch::done);

        chat.end(new ConversationId("ana"));
        assertThat(chat.openConversations()).isEqualTo(1);
        llm.open();
        watch.outcome();

        assertThat(chat.openConversations()).isZero();
    }
}
