package io.psicoia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A person at a terminal: line editing and in-memory history (arrows, Ctrl-R). History is never written to disk:
 * these are private conversations.
 */
final class JLineSource implements LineSource {

    private final Terminal terminal;
    private final LineReader reader;

    private JLineSource(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("psicoia")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                .variable(LineReader.HISTORY_FILE, null)
                .build();
    }

    static JLineSource open() {
        try {
            return new JLineSource(TerminalBuilder.builder()
                    .system(true)
                    .encoding(StandardCharsets.UTF_8)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the terminal shows bold text (anything but a dumb terminal). */
    boolean supportsStyle() {
        return !Terminal.TYPE_DUMB.equals(terminal.getType());
    }

    PrintWriter writer() {
        return terminal.writer();
    }

    @Override
    public Optional<String> readLine(String prompt) {
        try {
            return Optional.of(reader.readLine(prompt));
        } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void onInterrupt(Runnable handler) {
        if (handler == null) {
            terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_DFL);
        } else {
            terminal.handle(Terminal.Signal.INT, signal -> handler.run());
        }
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
