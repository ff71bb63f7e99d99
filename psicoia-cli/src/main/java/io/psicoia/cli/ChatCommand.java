package io.psicoia.cli;

import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.service.ChatService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code psicoia chat}: the conversation in this terminal, in one process, with no server. */
@Command(
        name = "chat",
        sortOptions = false,
        synopsisHeading = "Uso: ",
        descriptionHeading = "%n",
        optionListHeading = "%nOpciones:%n",
        description = {
            "Conversá con PsicoIA en esta terminal, sin servidor.",
            "Escribí 'salir' (o Ctrl-D) para terminar; Ctrl-C corta una respuesta en curso.",
            "Con la entrada redirigida lee línea por línea: printf 'hola\\nsalir\\n' | psicoia chat"
        })
final class ChatCommand implements Callable<Integer> {

    @Mixin
    LlmOptions llm = new LlmOptions();

    @Mixin
    AdmissionOptions admission = new AdmissionOptions();

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
        LogSetup.apply(logging.levelOr("WARN"), logging.file());
        Logger log = LoggerFactory.getLogger(ChatCommand.class);
        LlmWiring.Choice choice = LlmWiring.choose(llm, environment);
        ChatService chat = ChatWiring.chatService(choice, llm, admission, null, null);
        ConversationId conversation = ConversationId.random(new SecureRandom());
        log.info(
                "event=chat.start conv={} llm=\"{}\" admission={} inputTokenBudget={} historyMaxMessages={}",
                conversation,
                choice.description(),
                admission.toConfig(),
                llm.inputTokenBudget,
                llm.historyMaxMessages);

        PrintWriter err = new PrintWriter(console.err(), true, StandardCharsets.UTF_8);
        if (console.interactive()) {
            try (JLineSource lines = JLineSource.open()) {
                err.println("Usando " + choice.description() + ".");
                new ChatSession(chat, conversation, lines, lines.writer(), err, true).run();
            }
        } else {
            PrintWriter out = new PrintWriter(console.out(), true, StandardCharsets.UTF_8);
            try (LineSource lines = LineSource.of(console.in())) {
                new ChatSession(chat, conversation, lines, out, err, false).run();
            }
        }
        chat.end(conversation);
        log.info("event=chat.end conv={}", conversation);
        return ExitCode.OK;
    }
}
