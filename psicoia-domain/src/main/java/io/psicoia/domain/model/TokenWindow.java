package io.psicoia.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * Chooses what a model sees of a conversation within a token budget.
 *
 * <p>Rules, in order: pinned messages (the system prompt and any pinned note) are always kept; the newest user turn is
 * always kept, and truncated only when it alone does not fit what the pinned messages leave; then older turns are
 * added newest first while they fit whole. A message whose counter's upper bound already fits is not tokenized; the
 * bound is then its cost. A message is never split, except that newest turn. The result keeps the
 * original order: pinned messages first, then history oldest first.
 */
public final class TokenWindow {

    /** The newest user turn keeps at least this many tokens even when pinned messages take the whole budget. */
    public static final int MIN_NEWEST_TURN_TOKENS = 32;

    private final TokenCounter counter;
    private final int budget;

    public TokenWindow(TokenCounter counter, int budget) {
        this.counter = Objects.requireNonNull(counter, "counter");
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be >= 1");
        }
        this.budget = budget;
    }

    public int budget() {
        return budget;
    }

    /**
     * Selects the messages to send.
     *
     * @param pinned messages that are never dropped, in order (system prompt first)
     * @param history the conversation, oldest first; its last message is the newest user turn
     */
    public Selection select(List<Message> pinned, List<Message> history) {
        return select(pinned, history, counter);
    }

    /**
     * Selects the messages to send, counting with {@code counter} (for example one that remembers the counts of a
     * conversation's messages, so a long history is not tokenized again on every turn).
     */
    public Selection select(List<Message> pinned, List<Message> history, TokenCounter counter) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("history must hold the newest user turn");
        }
        Message newest = history.get(history.size() - 1);
        if (newest.role() != Role.USER) {
            throw new IllegalArgumentException("the newest message must be a user turn");
        }
        int used = 0;
        for (Message message : pinned) {
            used += counter.count(message);
        }
        int left = budget - used;
        boolean truncated = false;
        Kept kept = new Kept(history.size());
        int newestBound = counter.upperBound(newest);
        boolean newestByBound = newestBound <= left;
        int newestCost = newestByBound ? newestBound : counter.count(newest);
        if (newestCost > left) {
            int textBudget = Math.max(left, MIN_NEWEST_TURN_TOKENS) - TokenCounter.MESSAGE_OVERHEAD_TOKENS;
            newest = new Message(newest.role(), truncate(counter, newest.text(), Math.max(textBudget, 1)));
            newestCost = counter.count(newest);
            truncated = true;
        }
        kept.add(newest, newestCost, newestByBound);
        left -= newestCost;

        for (int index = history.size() - 2; index >= 0; index--) {
            Message message = history.get(index);
            int bound = counter.upperBound(message);
            if (bound > left) {
                // Bounds overestimate: before judging this turn by its exact count, count exactly what was admitted
                // by bound, so the window is as full as exact counting alone would make it.
                left += kept.tighten(counter);
            }
            boolean byBound = bound <= left;
            int cost = byBound ? bound : counter.count(message);
            if (cost > left) {
                break;
            }
            kept.add(message, cost, byBound);
            left -= cost;
        }
        used = budget - left;
        Message[] messages = new Message[pinned.size() + kept.size];
        int at = 0;
        for (Message message : pinned) {
            messages[at++] = message;
        }
        for (int i = kept.size - 1; i >= 0; i--) {
            messages[at++] = kept.messages[i];
        }
        int dropped = history.size() - kept.size;
        return new Selection(List.of(messages), used, dropped, truncated);
    }

    /** The history kept so far, newest first, with what each was charged and whether that was only a bound. */
    private static final class Kept {
        private final Message[] messages;
        private final int[] costs;
        private final boolean[] bounded;
        private int size;

        private Kept(int capacity) {
            messages = new Message[capacity];
            costs = new int[capacity];
            bounded = new boolean[capacity];
        }

        void add(Message message, int cost, boolean byBound) {
            messages[size] = message;
            costs[size] = cost;
            bounded[size] = byBound;
            size++;
        }

        /** Replaces bounds with exact counts; returns the tokens this frees. */
        int tighten(TokenCounter counter) {
            int freed = 0;
            for (int i = 0; i < size; i++) {
                if (bounded[i]) {
                    int exact = counter.count(messages[i]);
                    freed += costs[i] - exact;
                    costs[i] = exact;
                    bounded[i] = false;
                }
            }
            return freed;
        }
    }

    /** The longest prefix of {@code text} whose token count fits {@code maxTokens}, cut between code points. */
    private static String truncate(TokenCounter counter, String text, int maxTokens) {
        int low = 0;
        int high = text.codePointCount(0, text.length());
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            String prefix = text.substring(0, text.offsetByCodePoints(0, mid));
            if (counter.count(prefix) <= maxTokens) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return text.substring(0, text.offsetByCodePoints(0, low));
    }

    /**
     * What was selected.
     *
     * @param messages pinned messages then the kept history, oldest first
     * @param tokens their total cost by the counter (exact counts, or upper bounds where those fitted)
     * @param droppedTurns older history messages left out
     * @param newestTruncated whether the newest user turn was cut to fit
     */
    public record Selection(List<Message> messages, int tokens, int droppedTurns, boolean newestTruncated) {
        public Selection {
            messages = List.copyOf(messages);
        }
    }
}
