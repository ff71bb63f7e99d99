package io.psicoia.adapter.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.Message;
import io.psicoia.domain.port.out.FinishReason;
import io.psicoia.domain.port.out.LlmRequest;
import io.psicoia.domain.port.out.LlmResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfflineLlmAdapterTest {

    @Test
    void givenPeopleServedThroughAServer_whenFirstReplying_thenTheNoticeCarriesNoSetupAdvice() {
        OfflineLlmAdapter served = new OfflineLlmAdapter(Duration.ZERO).servingPeople();
        StringBuilder reply = new StringBuilder();
        served.complete(
                new LlmRequest("t:m1", List.of(Message.user("hola, estoy triste"))),
                reply::append,
                Cancellation.none());
        assertThat(reply.toString())
                .startsWith(ReplyCatalogue.SERVED_NOTICE)
                .doesNotContain("GROQ_API_KEY")
                .doesNotContain("LLM_URL");
    }

    private static final Message SYSTEM = Message.system("Sos un acompañante amable.");
    private static final List<String> FORBIDDEN = List.of(
            "diagnóstico",
            "diagnostico",
            "diagnosticar",
            "trastorno",
            "medicación",
            "medicamento",
            "pastilla",
            "depresión",
            "tenés depresión",
            "tienes depresión",
            "psicólogo",
            "psicóloga",
            "terapeuta",
            "soy una persona",
            "soy humano");

    /** Common "tú" forms; the product speaks with "vos" ("contás", "podés", "llamá", "para vos"). */
    private static final List<String> TU_FORMS = List.of(
            "tú",
            "ti",
            "contigo",
            "cuentas",
            "cuéntame",
            "sientes",
            "puedes",
            "tienes",
            "eres",
            "quieres",
            "describes",
            "dices",
            "haces",
            "notas",
            "sueles",
            "miras",
            "descansas",
            "intentas",
            "despiertas",
            "levantas",
            "extrañas",
            "llevas",
            "define",
            "vuelve",
            "llama",
            "busca",
            "quédate",
            "respira",
            "avísale",
            "mereces");

    private final OfflineLlmAdapter adapter = new OfflineLlmAdapter(new SplittableRandom(42), Duration.ZERO);

    /** One synthetic message per case, with words its reply must contain (any of them, ignoring case). */
    private record Case(String message, List<String> expectedWords) {}

    @Test
    void givenTwentyMessagesAcrossAllThemes_whenReplyingInOneConversation_thenEachReplyFitsItsThemeAndIsUnique() {
        List<Case> cases = List.of(
                new Case("Hola", List.of("hola")),
                new Case("Últimamente tengo mucha ansiedad y no sé por qué", List.of("ansiedad", "nervios")),
                new Case("Me agarró un ataque de pánico en el colectivo", List.of("ansiedad", "nervios")),
                new Case("Estoy muy triste desde hace semanas", List.of("trist", "bajón")),
                new Case("No paro de llorar, ando con un bajón enorme", List.of("trist", "bajón")),
                new Case("Me siento muy sola, no tengo con quién hablar", List.of("soledad")),
                new Case("Desde que me mudé siento mucha soledad", List.of("soledad")),
                new Case("Tengo demasiado estrés con la facultad", List.of("estrés", "agobio", "presión")),
                new Case("Me siento agobiado por todas las cosas pendientes", List.of("estrés", "agobio", "presión")),
                new Case("Hoy pasó algo raro en la calle y me quedé pensando", ReplyCatalogue.GENERIC.openings()),
                new Case("Tengo una bronca que no me la aguanto", List.of("enojo", "rabia")),
                new Case("Hace días que no puedo dormir", List.of("dormir", "sueño")),
                new Case("Mi abuelo falleció la semana pasada", List.of("pérdida", "duelo", "perder")),
                new Case("Todavía no supero la pérdida de mi perro", List.of("pérdida", "duelo", "perder")),
                new Case("mmm", ReplyCatalogue.UNCLEAR.openings()),
                new Case("Mi jefe me grita todo el tiempo en el laburo", List.of("trabajo")),
                new Case("Me despidieron y no sé qué hacer", List.of("trabajo")),
                new Case("Me peleé con mi mamá y mis hermanos", List.of("familia")),
                new Case("Mi novia me dejó y no lo puedo creer", List.of("pareja", "ruptura", "relación")),
                new Case("Muchas gracias por escucharme", List.of("gracias", "de nada", "servido")));

        List<Message> conversation = new ArrayList<>(List.of(SYSTEM));
        List<String> replies = new ArrayList<>();
        for (Case c : cases) {
            conversation.add(Message.user(c.message()));
            String reply = reply(adapter, new LlmRequest("t:" + replies.size(), conversation));
            conversation.add(Message.assistant(reply));
            replies.add(reply);

            assertThat(reply.toLowerCase(Locale.ROOT))
                    .as("reply to case %d", replies.size())
                    .containsAnyOf(lowerCase(c.expectedWords()));
            assertHasExactlyOneQuestion(reply);
        }
        assertThat(replies).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void givenNoAssistantMessageYet_whenReplying_thenStartsWithOfflineNoticeNamingGroqApiKey() {
        String reply = reply(adapter, request(Message.user("Estoy con mucha ansiedad")));

        assertThat(reply).startsWith(ReplyCatalogue.OFFLINE_NOTICE).contains("GROQ_API_KEY", "LLM_URL");
        assertHasExactlyOneQuestion(reply);
    }

    @Test
    void givenEarlierAssistantMessage_whenReplying_thenNoOfflineNotice() {
        String reply = reply(
                adapter,
                request(
                        Message.user("Hola"),
                        Message.assistant("Hola, ¿cómo estás?"),
                        Message.user("Estoy con mucha ansiedad")));

        assertThat(reply).doesNotContain("GROQ_API_KEY").doesNotContain(ReplyCatalogue.OFFLINE_NOTICE);
        assertThat(reply.toLowerCase(Locale.ROOT)).containsAnyOf("ansiedad", "nervios");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ESTOY MUY ANSIOSOOO", "estoy muy ansioso", "tengo pánico", "TENGO PANICO"})
    void givenAnxietyWrittenInDifferentWays_whenReplying_thenAnxietyReply(String text) {
        String reply = reply(adapter, laterTurn(text));

        assertThat(reply.toLowerCase(Locale.ROOT)).containsAnyOf("ansiedad", "nervios");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tristeza", "TRISTEZA", "Tristeeeza"})
    void givenSadnessWrittenInDifferentWays_whenReplying_thenSadnessReply(String text) {
        String reply = reply(adapter, laterTurn(text));

        assertThat(reply.toLowerCase(Locale.ROOT)).containsAnyOf("trist", "bajón");
    }

    @Test
    void givenSameThemeSeveralTimesInOneConversation_whenReplying_thenConsecutiveRepliesDiffer() {
        List<Message> conversation = new ArrayList<>(List.of(SYSTEM));
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            conversation.add(Message.user("Sigo con ansiedad, no se me va"));
            String reply = reply(adapter, new LlmRequest("t:" + i, conversation));
            conversation.add(Message.assistant(reply));
            replies.add(reply);
        }

        assertThat(replies.subList(0, 4)).doesNotHaveDuplicates();
        for (int i = 1; i < replies.size(); i++) {
            assertThat(replies.get(i)).isNotEqualTo(replies.get(i - 1));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Me quiero matar",
                "quiero morir",
                "Estoy pensando en el suicidio",
                "no quiero vivir más",
                "tengo ganas de hacerme daño",
                "quiero quitarme la vida"
            })
    void givenSelfHarmLanguage_whenReplying_thenUrgentReplyWithEmergencyNumbers(String text) {
        for (LlmRequest request : List.of(request(Message.user(text)), laterTurn(text))) {
            String reply = reply(adapter, request);

            assertThat(reply).contains("911", "112", "emergencias", "crisis", "confianza");
            assertThat(reply).doesNotContain("GROQ_API_KEY");
            assertHasExactlyOneQuestion(reply);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "me muero de risa con ese video",
                "me voy a matar estudiando para el final",
                "me quiero morir de vergüenza"
            })
    void givenEverydayIdiom_whenReplying_thenNoUrgentReply(String text) {
        String reply = reply(adapter, laterTurn(text));

        assertThat(reply).doesNotContain("911").doesNotContain("112");
    }

    @Test
    void givenAnyCatalogueSentence_whenChecked_thenNoDiagnosisMedicationOrHumanClaim() {
        for (String sentence : catalogueSentences()) {
            assertThat(sentence.toLowerCase(Locale.ROOT)).doesNotContain(FORBIDDEN);
        }
    }

    @Test
    void givenAnyCatalogueSentence_whenChecked_thenSpeaksWithVosNotTu() {
        Pattern tuForm = Pattern.compile("(?iu)(?<!\\p{L})(?:" + String.join("|", TU_FORMS) + ")(?!\\p{L})");

        for (String sentence : catalogueSentences()) {
            assertThat(tuForm.matcher(sentence).find())
                    .as("tú form in: %s", sentence)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Creo que tengo depresión",
                "¿Debería tomar pastillas para dormir?",
                "¿Sos psicólogo?",
                "Quiero un diagnóstico"
            })
    void givenQuestionAboutDiagnosisOrMedication_whenReplying_thenReplyAvoidsThoseWords(String text) {
        String reply = reply(adapter, request(Message.user(text)));

        assertThat(reply.toLowerCase(Locale.ROOT)).doesNotContain(FORBIDDEN);
        assertHasExactlyOneQuestion(reply);
    }

    @Test
    void givenEveryThemeAndSecondTheme_whenWriting_thenTwoToFourSentencesAndOneQuestion() {
        for (Theme main : Theme.values()) {
            for (Theme second : Theme.values()) {
                String text = sampleFor(main) + " y además " + sampleFor(second);
                String reply = ReplyWriter.write(
                        List.of(SYSTEM, Message.assistant("Hola."), Message.user(text)), new SplittableRandom(1));

                assertHasExactlyOneQuestion(reply);
                assertThat(reply.split("(?<=[.?!])\\s+")).hasSizeBetween(2, 4);
            }
        }
    }

    @Test
    void givenReply_whenStreamed_thenSeveralDeltasJoinExactlyIntoTheWrittenReply() {
        RandomGenerator fixedSeed = () -> 7L;
        OfflineLlmAdapter seeded = new OfflineLlmAdapter(fixedSeed, Duration.ZERO);
        LlmRequest request = request(Message.user("Me siento muy sola últimamente"));
        List<String> deltas = new ArrayList<>();

        LlmResult result = seeded.complete(request, deltas::add, Cancellation.none());

        String written = ReplyWriter.write(request.messages(), new SplittableRandom(7L));
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage()).isEmpty();
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(String.join("", deltas)).isEqualTo(written);
    }

    @Test
    void givenTextWithOddSpacing_whenSplit_thenPiecesJoinBackExactly() {
        String text = "  Hola,  ¿cómo estás?\n Bien. ";

        List<String> pieces = OfflineLlmAdapter.split(text);

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(text);
    }

    @Test
    void givenSameRequest_whenAdapterSeedsFromRequest_thenSameReply() {
        OfflineLlmAdapter fromRequest = new OfflineLlmAdapter(Duration.ZERO);
        LlmRequest request = laterTurn("Tengo mucho estrés en el trabajo");

        assertThat(reply(fromRequest, request)).isEqualTo(reply(fromRequest, request));
    }

    @Test
    void givenCancellationAfterFirstDelta_whenStreaming_thenCancelledAndNothingMoreDelivered() {
        Cancellation cancellation = new Cancellation();
        List<String> deltas = new ArrayList<>();

        LlmResult result = adapter.complete(
                laterTurn("Estoy muy triste"),
                delta -> {
                    deltas.add(delta);
                    cancellation.cancel();
                },
                cancellation);

        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(result.usage()).isEmpty();
        assertThat(deltas).hasSize(1);
    }

    @Test
    void givenLongPace_whenCancelledFromAnotherThreadDuringPause_thenReturnsPromptly() {
        OfflineLlmAdapter slow = new OfflineLlmAdapter(new SplittableRandom(3), Duration.ofSeconds(30));
        Cancellation cancellation = new Cancellation();
        List<String> deltas = new ArrayList<>();
        long started = System.nanoTime();

        LlmResult result = slow.complete(
                laterTurn("Estoy muy triste"),
                delta -> {
                    deltas.add(delta);
                    CompletableFuture.runAsync(
                            cancellation::cancel, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
                },
                cancellation);

        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(deltas).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void givenAlreadyCancelled_whenStreaming_thenNothingDelivered() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        List<String> deltas = new ArrayList<>();

        LlmResult result = adapter.complete(laterTurn("Hola"), deltas::add, cancellation);

        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(deltas).isEmpty();
    }

    @Test
    void givenShortPace_whenStreaming_thenPausesBetweenPieces() {
        Duration pace = Duration.ofMillis(5);
        OfflineLlmAdapter paced = new OfflineLlmAdapter(new SplittableRandom(5), pace);
        List<String> deltas = new ArrayList<>();
        long started = System.nanoTime();

        paced.complete(laterTurn("Hola"), deltas::add, Cancellation.none());

        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(elapsed).isGreaterThanOrEqualTo(pace.multipliedBy(deltas.size() - 1L));
    }

    @Test
    void givenManyConversationsAtOnce_whenReplyingConcurrently_thenEveryReplyIsWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = sampleFor(Theme.values()[i % Theme.values().length]);
                LlmRequest request = laterTurn(text);
                futures.add(pool.submit(() -> reply(adapter, request)));
            }
            for (Future<String> future : futures) {
                String reply = future.get(10, TimeUnit.SECONDS);
                assertHasExactlyOneQuestion(reply);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> catalogueSentences() {
        List<String> sentences = new ArrayList<>();
        sentences.add(ReplyCatalogue.OFFLINE_NOTICE);
        sentences.add(ReplyCatalogue.RISK_CLOSING);
        sentences.addAll(ReplyCatalogue.RISK_REPLIES);
        Stream.concat(
                        Stream.of(Theme.values()).map(ReplyCatalogue::forTheme),
                        Stream.of(
                                ReplyCatalogue.GREETING,
                                ReplyCatalogue.THANKS,
                                ReplyCatalogue.UNCLEAR,
                                ReplyCatalogue.GENERIC))
                .forEach(p -> {
                    sentences.addAll(p.openings());
                    sentences.addAll(p.questions());
                    sentences.add(p.alsoNote());
                });

        return sentences;
    }

    private static String reply(OfflineLlmAdapter adapter, LlmRequest request) {
        StringBuilder text = new StringBuilder();
        LlmResult result = adapter.complete(request, text::append, Cancellation.none());
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        return text.toString();
    }

    private static LlmRequest request(Message... turns) {
        List<Message> messages = new ArrayList<>();
        messages.add(SYSTEM);
        messages.addAll(List.of(turns));
        return new LlmRequest("test", messages);
    }

    private static LlmRequest laterTurn(String text) {
        return request(Message.user("Hola"), Message.assistant("Hola, te leo. ¿Cómo estás?"), Message.user(text));
    }

    private static String sampleFor(Theme theme) {
        switch (theme) {
            case GRIEF:
                return "mi abuela falleció";
            case ANXIETY:
                return "tengo ansiedad";
            case SADNESS:
                return "estoy triste";
            case ANGER:
                return "siento rabia";
            case LONELINESS:
                return "me siento sola";
            case STRESS:
                return "tengo estrés";
            case INSOMNIA:
                return "no puedo dormir";
            case RELATIONSHIP:
                return "mi novio se fue";
            case FAMILY:
                return "mi familia no me entiende";
            default:
                return "mi jefe me presiona";
        }
    }

    private static String[] lowerCase(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    private static void assertHasExactlyOneQuestion(String reply) {
        assertThat(reply.chars().filter(c -> c == '¿').count())
                .as("opening marks in: %s", reply)
                .isEqualTo(1);
        assertThat(reply.chars().filter(c -> c == '?').count())
                .as("closing marks in: %s", reply)
                .isEqualTo(1);
        assertThat(reply.indexOf('¿')).isLessThan(reply.indexOf('?'));
    }
}
