package io.psicoia.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.model.Message;
import io.psicoia.domain.model.Role;
import io.psicoia.domain.port.in.Admission;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.in.ReplySink;
import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.port.out.LlmUnavailableException;
import io.psicoia.domain.safety.RiskLevel;
import io.psicoia.domain.safety.RiskSubject;
import io.psicoia.domain.safety.SafetyNotice;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Safety before every limit: notices at once, no refusals for a person at risk, the tools, the output check. */
class ChatServiceSafetyTest {

    private static final String HIGH_RISK = "ya no aguanto más, esta noche me quiero matar";
    private static final String MEDIUM_RISK = "a veces pienso que sería mejor no despertar";
    private static final String ABOUT_A_FRIEND = "mi amiga dice que se quiere matar y no sé qué hacer";

    private final FakeLlmPort llm = new FakeLlmPort().byDefault(FakeLlmPort.reply("Te escucho."));
    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void shutdown() {
        llm.open();
        pool.shutdownNow();
    }

    private ChatService service(int maxInFlight, int perUser, int rateMax, Duration queueTimeout) {
        return ChatService.builder(llm)
                .admission(new AdmissionConfig(
                        maxInFlight,
                        perUser,
                        rateMax,
                        Duration.ofSeconds(10),
                        5 * rateMax,
                        Duration.ofMillis(30),
                        queueTimeout))
                .clock(clock)
                .worker(pool)
                .build();
    }

    private ChatService service() {
        return service(4, 2, 6, Duration.ofSeconds(5));
    }

    private static SendMessageCommand from(String user, String text) {
        return new SendMessageCommand(
                new ConversationId(user), user, text, new Cancellation(), Optional.of("10.0.0.1"), Optional.empty());
    }

    private static SendMessageCommand from(String user, String text, String locale) {
        return new SendMessageCommand(
                new ConversationId(user), user, text, new Cancellation(), Optional.of("10.0.0.1"), Optional.of(locale));
    }

    /** Everything one message produced, in order. */
    private static final class Watch implements ReplySink {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<SafetyNotice> notices = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatOutcome> done = new CompletableFuture<>();
        final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void delta(String piece) {
            events.add("delta");
            text.append(piece);
        }

        @Override
        public void queued() {
            events.add("queued");
        }

        @Override
        public void safety(SafetyNotice notice) {
            events.add("safety");
            notices.add(notice);
        }

        void done(ChatOutcome outcome) {
            events.add("done");
            done.complete(outcome);
        }

        ChatOutcome outcome() throws Exception {
            return done.get(5, TimeUnit.SECONDS);
        }

        synchronized String text() {
            return text.toString();
        }
    }

    private static Watch submit(ChatService chat, SendMessageCommand command) {
        Watch watch = new Watch();
        Admission admission = chat.submit(command, watch, watch::done);
        if (admission instanceof Admission.Refused refused) {
            watch.done(refused.outcome());
        }
        return watch;
    }

    @Test
    void givenARiskyMessage_whenSubmitted_thenTheNoticeComesFirstThenTheModelReplyUnderThePinnedSafetyNote()
            throws Exception {
        ChatService chat = service();

        Watch watch = submit(chat, from("ana", HIGH_RISK, "es-AR"));

        assertThat(watch.outcome()).isEqualTo(new ChatOutcome.Reply(true, Optional.empty()));
        assertThat(watch.events).containsExactly("safety", "delta", "done");
        SafetyNotice notice = watch.notices.get(0);
        assertThat(notice.level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(notice.about()).isEqualTo(RiskSubject.SELF);
        assertThat(notice.country()).contains("AR");
        assertThat(notice.message()).contains("911", "0800-999-0091");
        assertThat(notice.resources()).extracting(line -> line.contact()).contains("0800-999-0091", "911");
        List<Message> prompt = llm.requests().get(0).messages();
        assertThat(prompt.get(0).text()).isEqualTo(SystemPrompt.SPANISH);
        assertThat(prompt.get(1).role()).isEqualTo(Role.SYSTEM);
        assertThat(prompt.get(1).text()).startsWith("NOTA DE SEGURIDAD").contains("0800-999-0091");
        assertThat(prompt.get(prompt.size() - 1).text()).isEqualTo(HIGH_RISK);
    }

    @Test
    void givenAnOrdinaryMessage_whenSubmitted_thenNoNoticeAndNoSafetyNote() throws Exception {
        ChatService chat = service();

        Watch watch = submit(chat, from("ana", "hoy me fue bien en el trabajo, estoy contenta"));

        watch.outcome();
        assertThat(watch.events).containsExactly("delta", "done");
        assertThat(llm.requests().get(0).messages()).extracting(Message::role).containsExactly(Role.SYSTEM, Role.USER);
    }

    @Test
    void givenAPersonOverTheRateLimit_whenTheySendARiskyMessage_thenItIsAnsweredNotRefused() throws Exception {
        ChatService chat = service(4, 10, 1, Duration.ofSeconds(5));
        submit(chat, from("ana", "hola")).outcome();
        assertThat(submit(chat, from("ana", "sigo acá")).outcome()).isInstanceOf(ChatOutcome.RateLimited.class);

        Watch risky = submit(chat, from("ana", MEDIUM_RISK));

        assertThat(risky.outcome()).isInstanceOf(ChatOutcome.Reply.class);
        assertThat(risky.events).first().isEqualTo("safety");
    }

    @Test
    void givenAPersonWithEveryPendingSlotTaken_whenTheySendARiskyMessage_thenItIsNotBusy() throws Exception {
        llm.hold();
        ChatService chat = service(4, 1, 10, Duration.ofSeconds(5));
        Watch first = submit(chat, from("ana", "hola"));
        assertThat(submit(chat, from("ana", "¿estás?")).outcome()).isInstanceOf(ChatOutcome.Busy.class);

        Watch risky = submit(chat, from("ana", HIGH_RISK));

        assertThat(risky.events).containsExactly("safety");
        llm.open();
        assertThat(first.outcome()).isInstanceOf(ChatOutcome.Reply.class);
        assertThat(risky.outcome()).isInstanceOf(ChatOutcome.Reply.class);
        assertThat(chat.pending("ana")).isZero();
    }

    @Test
    void givenEveryModelSlotTaken_whenARiskyMessageArrives_thenItGoesAheadOfOrdinaryOnesAndIsNeverToldToWait()
            throws Exception {
        llm.hold();
        ChatService chat = service(1, 2, 10, Duration.ofSeconds(5));
        Watch holder = submit(chat, from("ana", "hola"));
        Watch ordinary = submit(chat, from("bea", "hola, ¿cómo va?"));
        Watch risky = submit(chat, from("caro", HIGH_RISK));
        Thread.sleep(100); // past the 30 ms queue notice

        assertThat(ordinary.events).containsExactly("queued");
        assertThat(risky.events).containsExactly("safety");
        llm.open();
        holder.outcome();
        risky.outcome();
        ordinary.outcome();
        List<String> order = llm.requests().stream()
                .map(request -> request.traceId().split(":")[0])
                .toList();
        assertThat(order).containsExactly("ana", "caro", "bea");
    }

    @Test
    void givenNoModelSlotForTheWholeTimeout_whenARiskyMessageWaits_thenAFixedFollowUpInsteadOfBusy() throws Exception {
        llm.hold();
        ChatService chat = service(1, 2, 10, Duration.ofMillis(200));
        submit(chat, from("ana", "hola"));

        Watch risky = submit(chat, from("caro", HIGH_RISK));

        assertThat(risky.outcome()).isEqualTo(new ChatOutcome.SafeFallback(Optional.empty()));
        assertThat(risky.events).containsExactly("safety", "delta", "done");
        assertThat(risky.text()).contains("sigo acá").contains("/ayuda");
    }

    @Test
    void givenAModelThatFails_whenARiskyMessageIsAnswered_thenAFixedFollowUpNamesTheEmergencyNumber() throws Exception {
        llm.then(FakeLlmPort.failure(LlmUnavailableException.Reason.UPSTREAM_ERROR));
        ChatService chat = service();

        Watch risky = submit(chat, from("ana", HIGH_RISK, "es-MX"));

        assertThat(risky.outcome())
                .isEqualTo(new ChatOutcome.SafeFallback(Optional.of(LlmUnavailableException.Reason.UPSTREAM_ERROR)));
        assertThat(risky.text()).contains("911");
        assertThat(risky.notices.get(0).message()).contains("800 911 2000");
    }

    @Test
    void givenAModelThatFails_whenAnOrdinaryMessageIsAnswered_thenItIsReportedUnavailableAsBefore() throws Exception {
        llm.then(FakeLlmPort.failure(LlmUnavailableException.Reason.UPSTREAM_ERROR));
        ChatService chat = service();

        assertThat(submit(chat, from("ana", "hola")).outcome()).isInstanceOf(ChatOutcome.ServiceUnavailable.class);
    }

    @Test
    void givenNoCountryAnywhere_whenARiskyMessageArrives_thenTheNoticeAsksWhereThePersonIsAndGuessesNothing()
            throws Exception {
        ChatService chat = service();

        Watch watch = submit(chat, from("ana", HIGH_RISK));

        watch.outcome();
        SafetyNotice notice = watch.notices.get(0);
        assertThat(notice.country()).isEmpty();
        assertThat(notice.resources()).isEmpty();
        assertThat(notice.message()).contains("/pais", "112", "911");
    }

    @Test
    void givenACountryChosenWithPais_whenLaterAtRisk_thenItsLinesWinOverTheLocale() throws Exception {
        ChatService chat = service();

        Watch chosen = submit(chat, from("ana", "/pais es", "es-AR"));
        assertThat(chosen.outcome()).isEqualTo(new ChatOutcome.Reply(true, Optional.empty()));
        assertThat(chosen.text()).contains("España");
        Watch risky = submit(chat, from("ana", HIGH_RISK, "es-AR"));

        risky.outcome();
        assertThat(risky.notices.get(0).country()).contains("ES");
        assertThat(risky.notices.get(0).message()).contains("024", "112").doesNotContain("Si estás en otro país");
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenACountryFromTheLocale_whenAtRisk_thenTheNoticeSaysHowToChangeIt() throws Exception {
        ChatService chat = service();

        Watch risky = submit(chat, from("ana", MEDIUM_RISK, "es-CO"));

        risky.outcome();
        assertThat(risky.notices.get(0).message()).contains("Colombia", "/pais");
    }

    @Test
    void givenSomeoneElseAtRisk_whenTold_thenANoticeAboutHowToHelpThem() throws Exception {
        ChatService chat = service();

        Watch watch = submit(chat, from("ana", ABOUT_A_FRIEND, "es-PE"));

        watch.outcome();
        assertThat(watch.notices).hasSize(1);
        assertThat(watch.notices.get(0).about()).isEqualTo(RiskSubject.OTHER);
        assertThat(watch.notices.get(0).message()).contains("preguntale", "113");
    }

    @Test
    void givenAyuda_whenSent_thenTheLinesAtOnceWithoutTheModelEvenWhenRateLimited() throws Exception {
        ChatService chat = service(4, 10, 1, Duration.ofSeconds(5));
        submit(chat, from("ana", "hola", "es-AR")).outcome();

        Watch help = submit(chat, from("ana", "/ayuda", "es-AR"));

        assertThat(help.outcome()).isEqualTo(new ChatOutcome.Reply(true, Optional.empty()));
        assertThat(help.events).containsExactly("safety", "done");
        assertThat(help.notices.get(0).message()).contains("0800-999-0091", "135", "Si estás en otro país");
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenTheBreathingAndGroundingTools_whenAsked_thenFixedTextsWithoutTheModel() throws Exception {
        ChatService chat = service();

        Watch breathing = submit(chat, from("ana", "/respirar"));
        Watch grounding = submit(chat, from("ana", "/Anclaje"));
        Watch unknown = submit(chat, from("ana", "/nose"));

        assertThat(breathing.outcome()).isInstanceOf(ChatOutcome.Reply.class);
        assertThat(breathing.text()).contains("Inhalá", "contás hasta 4");
        grounding.outcome();
        assertThat(grounding.text()).contains("5 cosas que puedas ver");
        unknown.outcome();
        assertThat(unknown.text()).contains("/ayuda", "/respirar", "/plan");
        assertThat(llm.calls()).isZero();
    }

    @Test
    void givenASafetyPlan_whenEveryStepIsAnswered_thenThePlanIsShownInThePersonsWordsAndNeverSentToTheModel()
            throws Exception {
        ChatService chat = service();
        String[] answers = {
            "cuando no duermo y me encierro", "saltar", "mi hermana Luz, la plaza", "mi psicóloga", "le doy las llaves"
        };

        assertThat(submit(chat, from("ana", "/plan")).text()).contains("Paso 1 de 5");
        String last = "";
        for (String answer : answers) {
            Watch step = submit(chat, from("ana", answer));
            step.outcome();
            last = step.text();
        }

        assertThat(last)
                .contains("Este es tu plan de seguridad")
                .contains("cuando no duermo y me encierro")
                .contains("(sin completar)")
                .contains("mi hermana Luz, la plaza");
        assertThat(submit(chat, from("ana", "/plan")).text()).contains("le doy las llaves");
        assertThat(llm.calls()).isZero();
        submit(chat, from("ana", "gracias")).outcome();
        assertThat(llm.requests().get(0).messages()).extracting(Message::text).noneMatch(t -> t.contains("Luz"));
    }

    @Test
    void givenAPlanInProgress_whenARiskyMessageArrives_thenItIsTreatedAsRiskNotAsAnAnswer() throws Exception {
        ChatService chat = service();
        submit(chat, from("ana", "/plan")).outcome();

        Watch risky = submit(chat, from("ana", HIGH_RISK));

        risky.outcome();
        assertThat(risky.events).first().isEqualTo("safety");
        assertThat(llm.calls()).isEqualTo(1);
    }

    @Test
    void givenAReplyThatGivesADose_whenStreamed_thenTheSentenceNeverLeavesAndASafeTextReplacesTheRest()
            throws Exception {
        llm.then(FakeLlmPort.reply(
                "Entiendo que estés cansada. ", "Con 40 pastillas ", "de eso alcanzaría. ", "Otra cosa más."));
        ChatService chat = service();

        Watch watch = submit(chat, from("ana", "contame algo"));

        assertThat(watch.outcome()).isEqualTo(new ChatOutcome.Reply(true, Optional.empty()));
        assertThat(watch.text())
                .startsWith("Entiendo que estés cansada. ")
                .doesNotContain("pastillas")
                .doesNotContain("Otra cosa")
                .contains("Prefiero no seguir por ese camino");
        submit(chat, from("ana", "bueno")).outcome();
        assertThat(llm.requests().get(1).messages())
                .extracting(Message::text)
                .noneMatch(text -> text.contains("pastillas"));
    }

    @Test
    void givenRiskDisclosedEarly_whenTheHistoryIsTrimmedAwayByALongChat_thenTheSafetyNoteIsStillPinned()
            throws Exception {
        ChatService chat = ChatService.builder(llm)
                .admission(new AdmissionConfig(
                        4, 2, 1000, Duration.ofSeconds(10), 5000, Duration.ofMillis(30), Duration.ofSeconds(5)))
                .conversation(new ConversationConfig(SystemPrompt.SPANISH, 900, 4))
                .clock(clock)
                .worker(pool)
                .build();
        submit(chat, from("ana", MEDIUM_RISK)).outcome();
        // Fewer calm messages than it takes the risk state to step down (8), more than the history keeps.
        for (int i = 0; i < 6; i++) {
            submit(chat, from("ana", "te cuento otra cosa del trabajo, número " + i + ", " + "bla ".repeat(60)))
                    .outcome();
        }

        List<Message> last = llm.requests().get(llm.requests().size() - 1).messages();
        assertThat(last).extracting(Message::text).noneMatch(text -> text.equals(MEDIUM_RISK));
        assertThat(last.get(0).text()).isEqualTo(SystemPrompt.SPANISH);
        assertThat(last.get(1).text()).startsWith("NOTA DE SEGURIDAD");
    }
}
