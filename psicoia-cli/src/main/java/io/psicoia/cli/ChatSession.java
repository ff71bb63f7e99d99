package io.psicoia.cli;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.port.in.ReplySink;
import io.psicoia.domain.text.SpanishTexts;
import java.io.PrintWriter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conversation at a terminal or through a pipe: reads a line, streams the reply, until {@code salir} or the end
 * of input. The same loop and look serve a model in this process and a running app ({@link ChatBackend}). The reply
 * goes to {@code out}; hints for whoever runs PsicoIA go to {@code err}.
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
    static final String CONNECTION_LOST = "Se cerró la conexión con PsicoIA. Volvé a intentar en unos minutos.";

    private final ChatBackend backend;
    private final LineSource lines;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;

    ChatSession(ChatBackend backend, LineSource lines, PrintWriter out, PrintWriter err, boolean interactive) {
        this.backend = backend;
        this.lines = lines;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** Runs until the person leaves (0) or the connection to PsicoIA is lost (1); returns that exit code. */
    int run() {
        out.println(INTRO);
        out.flush();
        while (true) {
            Optional<ChatBackend.TurnEnd.Lost> lost = backend.lost();
            if (lost.isPresent()) {
                return connectionLost(lost.get());
            }
            Optional<String> line = lines.readLine(interactive ? PROMPT : "");
            if (line.isEmpty()) {
                break;
            }
            String text = line.get().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (SpanishTexts.isLeaveCommand(text)) {
                break;
            }
            Optional<ChatBackend.TurnEnd.Lost> end = exchange(text);
            if (end.isPresent()) {
                return connectionLost(end.get());
            }
        }
        backend.leave();
        out.println(SpanishTexts.GOODBYE);
        out.flush();
        return ExitCode.OK;
    }

    /** One message and its reply; the connection's end when it was lost meanwhile. */
    private Optional<ChatBackend.TurnEnd.Lost> exchange(String text) {
        Cancellation cancellation = new Cancellation();
        lines.onInterrupt(cancellation::cancel);
        StreamingSink sink = new StreamingSink();
        ChatBackend.TurnEnd end;
        try {
            end = backend.send(text, sink, cancellation);
        } finally {
            lines.onInterrupt(null);
        }
        LOG.debug(
                "event=chat.turn conv={} outcome={} chars={} replyChars={}",
                backend.logId(),
                end.kind(),
                text.length(),
                sink.chars);
        if (end instanceof ChatBackend.TurnEnd.Replied replied) {
            if (!sink.started) {
                out.print(REPLY_PREFIX);
            }
            out.println(replied.complete() ? "" : " (respuesta interrumpida)");
        } else if (end instanceof ChatBackend.TurnEnd.Refused refused) {
            if (sink.started) {
                out.println();
            }
            out.println(REPLY_PREFIX + refused.sentence());
            hintOperator(refused.operatorHint());
        } else {
            if (sink.started) {
                out.println();
            }
            out.flush();
            return Optional.of((ChatBackend.TurnEnd.Lost) end);
        }
        out.flush();
        return Optional.empty();
    }

    private int connectionLost(ChatBackend.TurnEnd.Lost lost) {
        LOG.info(
                "event=chat.connection_lost conv={} notices={}",
                backend.logId(),
                lost.notices().size());
        for (String notice : lost.notices()) {
            out.println(REPLY_PREFIX + notice);
        }
        out.flush();
        err.println(CONNECTION_LOST);
        err.flush();
        return ExitCode.FAILURE;
    }

    private void hintOperator(String hint) {
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
