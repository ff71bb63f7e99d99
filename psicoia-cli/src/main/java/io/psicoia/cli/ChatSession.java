package io.psicoia.cli;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.in.ReplySink;
import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.port.in.SendMessageUseCase;
import io.psicoia.domain.port.out.LlmUnavailableException;
import io.psicoia.domain.text.SpanishTexts;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conversation at a terminal or through a pipe: reads a line, streams the reply, until {@code salir} or the end
 * of input. The reply goes to {@code out}; hints for whoever runs PsicoIA go to {@code err}.
 */
final class ChatSession {

    private static final Logger LOG = LoggerFactory.getLogger(ChatSession.class);

    static final String PROMPT = "vos › ";
    static final String REPLY_PREFIX = "PsicoIA › ";
    static final String INTRO = String.join(
            "\n",
            "PsicoIA · un espacio de escucha en español.",
            "Es apoyo emocional, no terapia. Si estás en peligro, llamá ya al número de emergencias de tu país.",
            SpanishTexts.INVITATION);

    private final SendMessageUseCase chat;
    private final ConversationId conversation;
    private final LineSource lines;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;

    ChatSession(
            SendMessageUseCase chat,
            ConversationId conversation,
            LineSource lines,
            PrintWriter out,
            PrintWriter err,
            boolean interactive) {
        this.chat = chat;
        this.conversation = conversation;
        this.lines = lines;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** Runs until the person leaves. */
    void run() {
        out.println(INTRO);
        out.flush();
        while (true) {
            Optional<String> line = lines.readLine(interactive ? PROMPT : "");
            if (line.isEmpty()) {
                break;
            }
            String text = line.get().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.toLowerCase(Locale.ROOT).equals("salir")) {
                break;
            }
            exchange(text);
        }
        out.println(SpanishTexts.GOODBYE);
        out.flush();
    }

    private void exchange(String text) {
        Cancellation cancellation = new Cancellation();
        lines.onInterrupt(cancellation::cancel);
        StreamingSink sink = new StreamingSink();
        ChatOutcome outcome;
        try {
            outcome = chat.send(new SendMessageCommand(conversation, conversation.value(), text, cancellation), sink);
        } finally {
            lines.onInterrupt(null);
        }
        LOG.debug(
                "event=chat.turn conv={} outcome={} chars={} replyChars={}",
                conversation,
                outcome.getClass().getSimpleName(),
                text.length(),
                sink.chars);
        if (outcome instanceof ChatOutcome.Reply reply) {
            if (!sink.started) {
                out.print(REPLY_PREFIX);
            }
            out.println(reply.complete() ? "" : " (respuesta interrumpida)");
        } else {
            if (sink.started) {
                out.println();
            }
            out.println(REPLY_PREFIX + SpanishTexts.refusal(outcome));
            if (outcome instanceof ChatOutcome.ServiceUnavailable unavailable) {
                hintOperator(unavailable.reason());
            }
        }
        out.flush();
    }

    private void hintOperator(LlmUnavailableException.Reason reason) {
        String hint = SpanishTexts.operatorHint(reason);
        if (!hint.isEmpty()) {
            err.println(hint);
            err.flush();
        }
    }

    /** Prints the reply as it arrives. */
    private final class StreamingSink implements ReplySink {
        private boolean started;
        private int chars;

        @Override
        public void delta(String text) {
            if (!started) {
                started = true;
                out.print(REPLY_PREFIX);
            }
            chars += text.length();
            out.print(text);
            out.flush();
        }

        @Override
        public void queued() {
            out.println(REPLY_PREFIX + SpanishTexts.QUEUED);
            out.flush();
        }
    }
}
