package io.psicoia.cli;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.text.SpanishTexts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
            "Escribí /ayuda para ver las líneas de ayuda de tu país (elegilo con /pais AR, /pais MX…).",
            "En un momento difícil: /respirar, /anclaje (volver al presente) o /plan (tu plan de seguridad).",
            SpanishTexts.INVITATION);
    /** The frame's width in columns, borders included: fits an 80-column terminal with room to spare. */
    static final int NOTICE_WIDTH = 72;

    static final String NOTICE_TITLE_CRISIS = "Tu seguridad primero";
    static final String NOTICE_TITLE_HELP = "Líneas de ayuda";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    static final String CONNECTION_LOST = "Se cerró la conexión con PsicoIA. Volvé a intentar en unos minutos.";

    private final ChatBackend backend;
    private final LineSource lines;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final boolean styled;

    /**
     * @param interactive a person at a terminal: a prompt is shown
     * @param styled the terminal shows bold text (ANSI); never for a pipe
     */
    ChatSession(
            ChatBackend backend,
            LineSource lines,
            PrintWriter out,
            PrintWriter err,
            boolean interactive,
            boolean styled) {
        this.backend = backend;
        this.lines = lines;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.styled = styled;
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
                "event=chat.turn conv={} outcome={} chars={} replyChars={} notice={}",
                backend.logId(),
                end.kind(),
                text.length(),
                sink.chars,
                sink.noticeLevel);
        if (end instanceof ChatBackend.TurnEnd.Replied replied) {
            if (sink.started) {
                out.println(replied.complete() ? "" : " (respuesta interrumpida)");
            } else if (sink.noticeLevel.equals("-") || !replied.complete()) {
                // A notice with nothing after it (/ayuda) is the whole answer: no empty reply line.
                out.println(REPLY_PREFIX + (replied.complete() ? "" : "(respuesta interrumpida)"));
            }
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

    /**
     * A safety notice as a framed block, set apart by blank lines, its text wrapped to {@link #NOTICE_WIDTH}:
     *
     * <pre>
     * ┌─ Tu seguridad primero ──────────
     * │ Me importa mucho lo que me contás…
     * │ • Línea …: 0800-999-0091 (…)
     * └─────────────────────────────────
     * </pre>
     */
    static List<String> frame(ChatBackend.Notice notice, boolean styled) {
        boolean crisis = notice.level().equals("medium") || notice.urgent();
        String title = crisis ? NOTICE_TITLE_CRISIS : NOTICE_TITLE_HELP;
        List<String> frame = new ArrayList<>();
        frame.add(
                "┌─ " + (styled ? BOLD + title + RESET : title) + " " + "─".repeat(NOTICE_WIDTH - title.length() - 4));
        for (String paragraph : notice.text().split("\n", -1)) {
            for (String line : wrap(paragraph, NOTICE_WIDTH - 2)) {
                frame.add(line.isEmpty() ? "│" : "│ " + line);
            }
        }
        frame.add("└" + "─".repeat(NOTICE_WIDTH - 1));
        return frame;
    }

    /** Words of {@code paragraph} in lines of at most {@code width} characters; a bullet's lines stay indented. */
    static List<String> wrap(String paragraph, int width) {
        String text = paragraph.strip();
        String indent = text.startsWith("• ") ? "  " : "";
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words(text)) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(indent);
            }
            if (line.length() > 0 && !line.toString().equals(indent)) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The words of a text, a phone number's groups kept together ("(011) 5275-1135", "800 911 2000"). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split(" +")) {
            int last = words.size() - 1;
            if (last >= 0 && words.get(last).matches(".*[0-9)]") && word.matches("[0-9].*")) {
                words.set(last, words.get(last) + " " + word);
            } else {
                words.add(word);
            }
        }
        return words;
    }

    /** Prints the reply as it arrives. */
    private final class StreamingSink implements ChatBackend.TurnSink {
        private boolean started;
        private int chars;
        /** The level of the notice shown for this message, for logs; "-" when none. */
        private String noticeLevel = "-";

        @Override
        public void notice(ChatBackend.Notice notice) {
            if (started) {
                // Never expected (the notice comes first); keep the reply's line whole.
                out.println();
                started = false;
            }
            noticeLevel = notice.level();
            out.println();
            frame(notice, styled).forEach(out::println);
            out.println();
            out.flush();
        }

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
