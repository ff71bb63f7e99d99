package io.psicoia.cli;

import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.port.out.ChatEvents;
import io.psicoia.domain.service.ChatService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code psicoia chat}: the conversation in this terminal, with the model in this process or, with {@code --connect},
 * through a running {@code psicoia app}.
 */
@Command(
        name = "chat",
        sortOptions = false,
        synopsisHeading = "Uso: ",
        descriptionHeading = "%n",
        optionListHeading = "%nOpciones:%n",
        description = {
            "Conversá con PsicoIA en esta terminal, sin servidor (o con uno: --connect).",
            "Escribí 'salir' (o Ctrl-D) para terminar; Ctrl-C corta una respuesta en curso.",
            "Con la entrada redirigida lee línea por línea: printf 'hola\\nsalir\\n' | psicoia chat"
        })
final class ChatCommand implements Callable<Integer> {

    /** For connecting, and again for the server's welcome. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Option(
            names = "--connect",
            paramLabel = "HOST:PUERTO",
            converter = Converters.HostPort.class,
            description = "Conversa a través de un psicoia app en marcha (por ejemplo localhost:5001) en lugar de usar"
                    + " el modelo en este proceso; las opciones del modelo y de los límites las fija ese servidor."
                    + " Sin variable de entorno: se elige en cada ejecución.")
    ServerAddress connect;

    @Mixin
    LlmOptions llm = new LlmOptions();

    @Mixin
    AdmissionOptions admission = new AdmissionOptions();

    @Mixin
    SafetyOptions safety = new SafetyOptions();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    private final Console console;
    private final Map<String, String> environment;

    ChatCommand(Console console, Map<String, String> environment) {
        this.console = console;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        LogSetup.apply(logging, "WARN");
        Logger log = LoggerFactory.getLogger(ChatCommand.class);
        String using;
        ChatBackend backend;
        // The system's locale only for the person's country (crisis lines); texts never depend on it.
        String locale = ChatBackend.localeTag(Locale.getDefault());
        if (connect != null) {
            log.info("event=chat.start mode=remote server={} locale={}", connect, locale);
            backend = RemoteChatBackend.connect(
                    connect, "psicoia-chat/" + PsicoiaCommand.Version.number(), locale, CONNECT_TIMEOUT);
            using = "Conectado a PsicoIA en " + connect + ".";
        } else {
            LlmWiring.Choice choice = LlmWiring.choose(llm, environment);
            ChatService chat = ChatWiring.chatService(choice, llm, admission, safety, ChatEvents.NONE, null, null);
            ConversationId conversation = ConversationId.random(new SecureRandom());
            log.info(
                    "event=chat.start mode=local conv={} llm=\"{}\" admission={} inputTokenBudget={}"
                            + " historyMaxMessages={}",
                    conversation,
                    choice.description(),
                    admission.toConfig(),
                    llm.inputTokenBudget,
                    llm.historyMaxMessages);
            backend = new LocalChatBackend(chat, chat, conversation, locale);
            using = "Usando " + choice.description() + ".";
        }

        int exitCode;
        try (backend) {
            exitCode = converse(backend, using);
        }
        log.info("event=chat.end conv={} exit={}", backend.logId(), exitCode);
        return exitCode;
    }

    private int converse(ChatBackend backend, String using) {
        PrintWriter err = new PrintWriter(console.err(), true, StandardCharsets.UTF_8);
        if (console.interactive()) {
            try (JLineSource lines = JLineSource.open()) {
                err.println(using);
                boolean styled = lines.supportsStyle() && !environment.containsKey("NO_COLOR");
                return new ChatSession(backend, lines, lines.writer(), err, true, styled).run();
            }
        }
        PrintWriter out = new PrintWriter(console.out(), true, StandardCharsets.UTF_8);
        try (LineSource lines = LineSource.of(console.in())) {
            return new ChatSession(backend, lines, out, err, false, false).run();
        }
    }
}
