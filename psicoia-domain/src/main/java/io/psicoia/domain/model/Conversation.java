package io.psicoia.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One person's conversation: the system prompt pinned, pinned notes, and the ordered history of turns.
 *
 * <p>Turns are processed one at a time and in the order they asked for their turn: {@link #awaitTurn} hands out a
 * fair lock, so concurrent callers are served first come, first served, while different conversations proceed in
 * parallel. History and notes may be read or changed only while holding the turn.
 */
public final class Conversation {

    private final ConversationId id;
    private final Message systemPrompt;
    private final int historyMaxMessages;
    private final List<Message> history = new ArrayList<>();
    private final List<Message> pinnedNotes = new ArrayList<>();
    /** The safety instruction pinned last while the conversation is at risk; null when there is none. */
    private Message safetyNote;
    /** The system prompt then the notes, rebuilt when a note is pinned (read every turn, changed rarely). */
    private List<Message> pinned;
    /**
     * Token counts and upper bounds of the message instances held (history, prompt and notes), so each is tokenized
     * or measured once. Keyed by identity: the window passes the very instances the conversation holds, and identity
     * never compares texts.
     */
    private final Map<Message, Tokens> tokenCounts = new IdentityHashMap<>();
    /** The remembering counter of the last turn, reused while the counter it wraps stays the same. */
    private Remembering remembering;

    private final ReentrantLock turn = new ReentrantLock(true);
    private long turnsStarted;

    public Conversation(ConversationId id, String systemPrompt, int historyMaxMessages) {
        this(id, Message.system(Objects.requireNonNull(systemPrompt, "systemPrompt")), historyMaxMessages);
    }

    /**
     * A conversation pinning this very system prompt instance: a service passes one instance to every conversation,
     * so a counter can recognise it and count it once for all of them.
     */
    public Conversation(ConversationId id, Message systemPrompt, int historyMaxMessages) {
        this.id = Objects.requireNonNull(id, "id");
        this.systemPrompt = Objects.requireNonNull(systemPrompt, "systemPrompt");
        if (systemPrompt.role() != Role.SYSTEM) {
            throw new IllegalArgumentException("the system prompt must be a system message");
        }
        if (historyMaxMessages < 1) {
            throw new IllegalArgumentException("historyMaxMessages must be >= 1");
        }
        this.historyMaxMessages = historyMaxMessages;
        this.pinned = List.of(systemPrompt);
    }

    public ConversationId id() {
        return id;
    }

    /**
     * Waits for this conversation's turn: returns once every earlier caller has finished its turn. Callers are served
     * in the order they called (a fair lock), so a conversation's messages are answered in the order they arrived.
     *
     * @return a handle to release with {@link Turn#close()}
     * @throws InterruptedException if interrupted while waiting (no turn is held then)
     */
    public Turn awaitTurn() throws InterruptedException {
        turn.lockInterruptibly();
        turnsStarted++;
        return new Turn(turnsStarted);
    }

    /** How many callers are waiting for their turn. */
    public int waitingTurns() {
        return turn.getQueueLength();
    }

    /** The exclusive right to read and change this conversation; one at a time, in arrival order. */
    public final class Turn implements AutoCloseable {
        private final long number;
        private boolean closed;

        private Turn(long number) {
            this.number = number;
        }

        /** 1 for the first turn of the conversation, then 2, 3… */
        public long number() {
            return number;
        }

        public void addUserMessage(String text) {
            append(Message.user(text));
        }

        public void addAssistantMessage(String text) {
            append(Message.assistant(text));
        }

        /** Removes the newest message if it is a user turn (used when that turn got no answer). */
        public void withdrawNewestUserMessage() {
            checkOpen();
            if (!history.isEmpty() && history.get(history.size() - 1).role() == Role.USER) {
                forget(history.remove(history.size() - 1));
            }
        }

        /** Adds a note that stays pinned after the system prompt, outside the token window. */
        public void pinNote(String text) {
            checkOpen();
            pinnedNotes.add(Message.system(text));
            repin();
        }

        /**
         * Sets the safety instruction pinned after the other notes, outside the token window, or removes it (null).
         * The same text keeps the same message, so it is not counted again.
         */
        public void setSafetyNote(String text) {
            checkOpen();
            if (text == null
                    ? safetyNote == null
                    : safetyNote != null && safetyNote.text().equals(text)) {
                return;
            }
            Message old = safetyNote;
            safetyNote = text == null ? null : Message.system(text);
            repin();
            if (old != null) {
                forget(old);
            }
        }

        private void repin() {
            List<Message> all = new ArrayList<>(pinnedNotes.size() + 2);
            all.add(systemPrompt);
            all.addAll(pinnedNotes);
            if (safetyNote != null) {
                all.add(safetyNote);
            }
            pinned = List.copyOf(all);
        }

        /** The system prompt, then pinned notes (read-only). */
        public List<Message> pinned() {
            checkOpen();
            return pinned;
        }

        /**
         * A counter that remembers what it counted, and the upper bounds it took, for this conversation's messages
         * while they are held; use it only during this turn.
         */
        public TokenCounter remembering(TokenCounter counter) {
            checkOpen();
            Remembering current = remembering;
            if (current == null || current.counter != counter) {
                current = new Remembering(counter);
                remembering = current;
            }
            return current;
        }

        /** The history, oldest first: a read-only view, valid while this turn is open. */
        public List<Message> history() {
            checkOpen();
            return Collections.unmodifiableList(history);
        }

        private void append(Message message) {
            checkOpen();
            history.add(message);
            while (history.size() > historyMaxMessages) {
                forget(history.remove(0));
            }
        }

        /** Drops a message's remembered count unless the same instance is still held. */
        private void forget(Message message) {
            if (!holds(message)) {
                tokenCounts.remove(message);
            }
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("turn already closed");
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                turn.unlock();
            }
        }
    }

    private boolean holds(Message message) {
        return message == systemPrompt
                || message == safetyNote
                || holdsSame(history, message)
                || holdsSame(pinnedNotes, message);
    }

    private static boolean holdsSame(List<Message> messages, Message message) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) == message) {
                return true;
            }
        }
        return false;
    }

    /** What is known of one held message's tokens; -1 while not known. */
    private static final class Tokens {
        private int exact = -1;
        private int bound = -1;
    }

    /** Remembers counts and bounds of held messages; anything else is passed through to the counter. */
    private final class Remembering implements TokenCounter {
        private final TokenCounter counter;

        private Remembering(TokenCounter counter) {
            this.counter = counter;
        }

        @Override
        public int count(String text) {
            return counter.count(text);
        }

        @Override
        public int upperBound(String text) {
            return counter.upperBound(text);
        }

        @Override
        public int upperBound(Message message) {
            Tokens known = tokenCounts.get(message);
            if (known != null && known.exact >= 0) {
                return known.exact;
            }
            if (known != null && known.bound >= 0) {
                return known.bound;
            }
            int bound = counter.upperBound(message);
            Tokens tokens = known != null ? known : held(message);
            if (tokens != null) {
                tokens.bound = bound;
            }
            return bound;
        }

        @Override
        public int count(Message message) {
            Tokens known = tokenCounts.get(message);
            if (known != null && known.exact >= 0) {
                return known.exact;
            }
            int exact = counter.count(message);
            Tokens tokens = known != null ? known : held(message);
            if (tokens != null) {
                tokens.exact = exact;
            }
            return exact;
        }

        /** A new entry for a held message; null for one the conversation does not hold. */
        private Tokens held(Message message) {
            if (!holds(message)) {
                return null;
            }
            Tokens tokens = new Tokens();
            tokenCounts.put(message, tokens);
            return tokens;
        }
    }

    @Override
    public String toString() {
        return "Conversation[id=" + id + "]";
    }
}
