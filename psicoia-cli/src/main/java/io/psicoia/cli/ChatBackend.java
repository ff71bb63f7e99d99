package io.psicoia.cli;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.port.in.ReplySink;
import io.psicoia.domain.safety.SafetyNotice;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a terminal chat sends what the person writes: the chat service in this process ({@link LocalChatBackend}) or
 * a running {@code psicoia app} over TCP ({@link RemoteChatBackend}). {@link ChatSession} owns the loop and the
 * rendering; a backend only delivers a message and reports how its reply ended.
 */
interface ChatBackend extends AutoCloseable {

    /**
     * Sends one message and streams its reply into {@code sink}, on the calling thread; returns when the reply ended.
     * Firing {@code cancellation} (Ctrl-C) cuts the reply short.
     */
    TurnEnd send(String text, TurnSink sink, Cancellation cancellation);

    /**
     * The locale a terminal chat reports to PsicoIA, which chooses the crisis lines: the JVM's own tag when it is
     * Spanish with a country ({@code es-AR}), otherwise {@code es}, so no country is guessed from, say, an English
     * system locale.
     */
    static String localeTag(Locale locale) {
        boolean spanishWithCountry =
                "es".equals(locale.getLanguage()) && locale.getCountry().matches("[A-Z]{2}");
        return spanishWithCountry ? "es-" + locale.getCountry() : "es";
    }

    /**
     * Where a turn's events go: a {@link ReplySink} that also takes a safety notice as a terminal shows it, so a
     * remote backend (which only has the notice's wire fields) and the local one render it the same way.
     */
    interface TurnSink extends ReplySink {

        /** The message showed risk or asked for help: shown before anything else of the message. */
        default void notice(Notice notice) {
            delta(notice.text() + "\n\n");
        }

        @Override
        default void safety(SafetyNotice notice) {
            notice(new Notice(notice.level().name().toLowerCase(Locale.ROOT), notice.message()));
        }
    }

    /**
     * A safety notice as a terminal needs it.
     *
     * @param level {@code none}, {@code low}, {@code medium}, {@code high} or {@code imminent} (other values are
     *     read as {@code none})
     * @param text the notice's calm Spanish text, which already names the lines; never logged
     */
    record Notice(String level, String text) {
        public Notice {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(text, "text");
        }

        /** Whether it answers a crisis (high or imminent), rather than a worry or a request for the lines. */
        boolean urgent() {
            return level.equals("high") || level.equals("imminent");
        }

        @Override
        public String toString() {
            return "Notice[level=" + level + ", chars=" + text.length() + "]";
        }
    }

    /** Set when the other side has gone, so the conversation cannot go on; checked before each prompt. */
    default Optional<TurnEnd.Lost> lost() {
        return Optional.empty();
    }

    /** The person is leaving ({@code salir} or the end of input). */
    default void leave() {}

    /** A random or pseudonymous id for logs; never anything the person wrote. */
    String logId();

    @Override
    void close();

    /** How a turn ended, in terms the session can show. */
    sealed interface TurnEnd permits TurnEnd.Replied, TurnEnd.Refused, TurnEnd.Lost {

        /** A short, fixed name for logs (an outcome or error code, never text). */
        String kind();

        /**
         * The reply was streamed.
         *
         * @param complete false when it was cut short
         */
        record Replied(boolean complete) implements TurnEnd {
            @Override
            public String kind() {
                return complete ? "reply" : "reply_interrupted";
            }
        }

        /**
         * No reply, or only part of one: a calm Spanish sentence for the person and, for a local model, a hint for
         * whoever runs PsicoIA.
         *
         * @param kind an outcome or error code, for logs
         * @param sentence shown to the person
         * @param operatorHint shown on stderr when not empty
         */
        record Refused(String kind, String sentence, String operatorHint) implements TurnEnd {
            public Refused {
                Objects.requireNonNull(kind, "kind");
                Objects.requireNonNull(sentence, "sentence");
                Objects.requireNonNull(operatorHint, "operatorHint");
            }

            @Override
            public String toString() {
                return "Refused[kind=" + kind + ", chars=" + sentence.length() + "]";
            }
        }

        /**
         * The connection to PsicoIA closed; the conversation is over.
         *
         * @param notices what the server said before closing (e.g. that it is shutting down), to show as is
         */
        record Lost(List<String> notices) implements TurnEnd {
            public Lost {
                notices = List.copyOf(notices);
            }

            @Override
            public String kind() {
                return "connection_lost";
            }

            @Override
            public String toString() {
                return "Lost[notices=" + notices.size() + "]";
            }
        }
    }
}
