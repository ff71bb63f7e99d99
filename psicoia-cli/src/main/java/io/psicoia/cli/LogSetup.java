package io.psicoia.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at standard error or a file, at the chosen level, once the command line is parsed. Logs never go to
 * standard output, where the conversation is.
 */
final class LogSetup {

    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger{24} %msg%n";

    private LogSetup() {}

    /** Applies the logging options: level, destination and format. */
    static void apply(LoggingOptions options, String defaultLevel) {
        apply(options.levelOr(defaultLevel), options.file(), options.json());
    }

    static void apply(String level, Optional<Path> file, boolean json) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        Encoder<ILoggingEvent> encoder;
        if (json) {
            encoder = new JsonLineEncoder();
        } else {
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setPattern(PATTERN);
            pattern.setCharset(StandardCharsets.UTF_8);
            encoder = pattern;
        }
        encoder.setContext(context);
        encoder.start();

        OutputStreamAppender<ILoggingEvent> appender;
        if (file.isPresent()) {
            FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
            fileAppender.setFile(file.get().toString());
            fileAppender.setAppend(true);
            appender = fileAppender;
        } else {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            appender = console;
        }
        appender.setContext(context);
        appender.setName(file.isPresent() ? "FILE" : "STDERR");
        appender.setEncoder(encoder);
        appender.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.WARN));
        root.addAppender(appender);
        // The JDK HTTP client's wire logging would print headers and bodies: keep it off whatever the level.
        context.getLogger("jdk.internal.httpclient").setLevel(Level.OFF);
    }
}
