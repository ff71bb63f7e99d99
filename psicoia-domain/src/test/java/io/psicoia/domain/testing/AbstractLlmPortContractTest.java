package io.psicoia.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.Message;
import io.psicoia.domain.port.out.FinishReason;
import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmResult;
import io.psicoia.domain.port.out.LlmUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link LlmPort} promises, written once and run against each implementation (the domain's
 * {@link FakeLlmPort}, the offline responder, the HTTP adapter against WireMock). A subclass supplies the port under
 * test through the three hooks; the cases are the same for all.
 *
 * <p>The contract:
 *
 * <ul>
 *   <li>A normal call hands over at least one piece, the pieces join into a non-blank reply (exactly the scripted one
 *       when the port can be scripted), and the result is complete: any finish reason but {@code CANCELLED}.
 *   <li>A call whose cancellation fired before it started returns {@code CANCELLED} within {@link #PROMPTLY} and hands
 *       over <em>nothing</em>: no port may start streaming a reply nobody wants any more.
 *   <li>A cancellation fired from another thread in the middle of a stream ends the call within {@link #PROMPTLY}
 *       with {@code CANCELLED}, and no piece is handed over once {@link Cancellation#cancel()} has returned.
 *   <li>Pieces are handed over on the calling thread, in order.
 *   <li>A failure surfaces as {@link LlmUnavailableException} with its reason, before anything was handed over, and
 *       its message holds no message text (only for ports that can be made to fail).
 *   <li>The request comes back as it went in, and its text stays out of {@code toString()}.
 * </ul>
 *
 * <p>Time bounds are deliberately generous (2 s); they catch a port that ignores cancellation, not a slow machine.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class AbstractLlmPortContractTest {

    /** Longest a cancelled call may take to return. */
    protected static final Duration PROMPTLY = Duration.ofSeconds(2);

    /** What a scriptable port is asked to write in the normal cases. */
    protected static final List<String> SCRIPTED_PIECES =
            List.of("Te ", "escucho. ", "Dormir mal ", "cansa mucho. ", "¿Desde cuándo ", "te pasa?");

    private static final String TRACE_ID = "c0ffee:m3";
    private static final String SYSTEM_TEXT = "Sos un acompañante cálido; no das diagnósticos.";
    private static final String EARLIER_USER_TEXT = "Hola, quería hablar un rato.";
    private static final String ASSISTANT_TEXT = "Claro, aquí estoy para escucharte.";
    private static final String USER_TEXT = "Estos días me cuesta dormir y me levanto muy cansada.";
    private static final List<String> ALL_TEXTS = List.of(SYSTEM_TEXT, EARLIER_USER_TEXT, ASSISTANT_TEXT, USER_TEXT);
    private static final Duration WAIT_FOR_HELPER = Duration.ofSeconds(10);

    /**
     * A port that answers the next call normally. A port that can be scripted should hand over exactly
     * {@code pieces} and say so with {@link Scenario#scripted}; one that writes its own text (the offline responder)
     * returns {@link Scenario#ownText}, and only the shape of its reply is checked.
     */
    protected abstract Scenario answering(List<String> pieces);

    /**
     * A port whose reply streams slowly enough to be cancelled in the middle: its first piece comes soon, the rest
     * over at least a second or two, and it finishes on its own if nobody cancels.
     */
    protected abstract LlmPort portThatStreamsSlowly();

    /**
     * A port whose next call fails with {@code reason} before handing over anything, or empty when this port cannot
     * be made to fail that way (the case is then skipped).
     */
    protected abstract Optional<LlmPort> portThatFails(LlmUnavailableException.Reason reason);

    /**
     * A port under test and, when known, what it will hand over.
     *
     * @param port the port under test
     * @param expectedPieces the exact pieces, in order; empty when the port writes its own text
     */
    protected record Scenario(LlmPort port, Optional<List<String>> expectedPieces) {

        public Scenario {
            Objects.requireNonNull(port, "port");
            expectedPieces = expectedPieces.map(List::copyOf);
        }

        /** A port that will hand over exactly {@code pieces}. */
        public static Scenario scripted(LlmPort port, List<String> pieces) {
            return new Scenario(port, Optional.of(pieces));
        }

        /** A port that writes a reply of its own. */
        public static Scenario ownText(LlmPort port) {
            return new Scenario(port, Optional.empty());
        }
    }

    @Test
    public void givenAPortThatAnswers_whenCalled_thenItStreamsTheWholeReplyAndReportsItComplete() {
        Scenario scenario = answering(SCRIPTED_PIECES);
        Recorder recorder = new Recorder();

        LlmResult result = scenario.port().complete(request(), recorder, Cancellation.none());

        assertThat(recorder.pieces()).isNotEmpty();
        assertThat(recorder.text()).isNotBlank();
        scenario.expectedPieces()
                .ifPresent(expected -> assertThat(recorder.text()).isEqualTo(String.join("", expected)));
        assertThat(result.complete()).isTrue();
        assertThat(result.finishReason()).isNotEqualTo(FinishReason.CANCELLED);
    }

    /** The chosen rule is the strict one: nothing at all is handed over when the call was cancelled beforehand. */
    @Test
    public void givenAnAlreadyCancelledSignal_whenCalled_thenItReturnsCancelledPromptlyWithoutAnyPiece() {
        LlmPort port = portThatStreamsSlowly();
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        Recorder recorder = new Recorder();
        long start = System.nanoTime();

        LlmResult result = port.complete(request(), recorder, cancellation);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(result.complete()).isFalse();
        assertThat(recorder.pieces()).isEmpty();
    }

    @Test
    public void givenAStreamUnderWay_whenCancelledFromAnotherThread_thenItReturnsCancelledPromptlyAndNothingAfter()
            throws Exception {
        LlmPort port = portThatStreamsSlowly();
        Cancellation cancellation = new Cancellation();
        Recorder recorder = new Recorder();
        AtomicLong cancelledAt = new AtomicLong();
        ExecutorService canceller = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> cancelling = canceller.submit(() -> {
                if (!recorder.awaitFirstPiece(WAIT_FOR_HELPER)) {
                    return false;
                }
                cancelledAt.set(System.nanoTime());
                cancellation.cancel();
                recorder.cancelReturned();
                return true;
            });

            LlmResult result = port.complete(request(), recorder, cancellation);
            long returnedAt = System.nanoTime();

            assertThat(recorder.pieces()).as("pieces before the cancel").isNotEmpty();
            assertThat(cancelling.get(WAIT_FOR_HELPER.toSeconds(), TimeUnit.SECONDS))
                    .as("the cancel fired")
                    .isTrue();
            assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
            assertThat(result.complete()).isFalse();
            assertThat(Duration.ofNanos(returnedAt - cancelledAt.get())).isLessThan(PROMPTLY);
            assertThat(recorder.piecesAfterCancel()).isEmpty();
            assertThat(recorder.threads()).containsOnly(Thread.currentThread());
        } finally {
            canceller.shutdownNow();
        }
    }

    @Test
    public void givenAPortThatAnswers_whenCalled_thenThePiecesArriveOnTheCallingThreadInOrder() {
        Scenario scenario = answering(SCRIPTED_PIECES);
        Recorder recorder = new Recorder();

        scenario.port().complete(request(), recorder, Cancellation.none());

        assertThat(recorder.pieces()).isNotEmpty();
        assertThat(recorder.threads()).containsOnly(Thread.currentThread());
        scenario.expectedPieces()
                .ifPresent(expected -> assertThat(recorder.pieces()).containsExactlyElementsOf(expected));
    }

    @ParameterizedTest
    @EnumSource(LlmUnavailableException.Reason.class)
    public void givenAPortScriptedToFail_whenCalled_thenItThrowsLlmUnavailableWithThatReason(
            LlmUnavailableException.Reason reason) {
        Optional<LlmPort> port = portThatFails(reason);
        assumeTrue(port.isPresent(), () -> "this port cannot be made to fail with " + reason);
        Recorder recorder = new Recorder();

        Throwable thrown = catchThrowable(() -> port.get().complete(request(), recorder, Cancellation.none()));

        assertThat(thrown).isInstanceOf(LlmUnavailableException.class);
        LlmUnavailableException failure = (LlmUnavailableException) thrown;
        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.getMessage()).isNotBlank();
        assertThat(ALL_TEXTS)
                .allSatisfy(text -> assertThat(failure.getMessage()).doesNotContain(text));
        assertThat(recorder.pieces()).isEmpty();
    }

    @Test
    public void givenARequest_whenCalled_thenItsMessagesAreUnchangedAndItsTextStaysOutOfToString() {
        Scenario scenario = answering(SCRIPTED_PIECES);
        List<Message> callerMessages = new ArrayList<>(messages());
        LlmRequest request = new LlmRequest(TRACE_ID, callerMessages);

        LlmResult result = scenario.port().complete(request, new Recorder(), Cancellation.none());

        assertThat(callerMessages).isEqualTo(messages());
        assertThat(request.messages()).isEqualTo(messages());
        assertThat(request).isEqualTo(request());
        assertThat(request.traceId()).isEqualTo(TRACE_ID);
        assertThat(ALL_TEXTS).allSatisfy(text -> {
            assertThat(request.toString()).doesNotContain(text);
            assertThat(result.toString()).doesNotContain(text);
        });
    }

    /** A fresh request: a system prompt, an earlier exchange and the newest message, all synthetic. */
    private static LlmRequest request() {
        return new LlmRequest(TRACE_ID, messages());
    }

    private static List<Message> messages() {
        return List.of(
                Message.system(SYSTEM_TEXT),
                Message.user(EARLIER_USER_TEXT),
                Message.assistant(ASSISTANT_TEXT),
                Message.user(USER_TEXT));
    }

    /** What a call hands to {@code onDelta}: the pieces, the threads they came on, and whether the cancel had returned. */
    private static final class Recorder implements Consumer<String> {

        private final List<String> pieces = new CopyOnWriteArrayList<>();
        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final List<String> piecesAfterCancel = new CopyOnWriteArrayList<>();
        private final CountDownLatch firstPiece = new CountDownLatch(1);
        private final AtomicBoolean cancelReturned = new AtomicBoolean();

        @Override
        public void accept(String piece) {
            if (cancelReturned.get()) {
                piecesAfterCancel.add(piece);
            }
            pieces.add(piece);
            threads.add(Thread.currentThread());
            firstPiece.countDown();
        }

        boolean awaitFirstPiece(Duration timeout) throws InterruptedException {
            return firstPiece.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        void cancelReturned() {
            cancelReturned.set(true);
        }

        List<String> pieces() {
            return List.copyOf(pieces);
        }

        List<Thread> threads() {
            return List.copyOf(threads);
        }

        List<String> piecesAfterCancel() {
            return List.copyOf(piecesAfterCancel);
        }

        String text() {
            return String.join("", pieces);
        }
    }
}
