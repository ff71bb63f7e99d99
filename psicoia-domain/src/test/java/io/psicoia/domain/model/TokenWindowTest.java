package io.psicoia.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenWindowTest {

    /** One token per code point, so costs are easy to reason about: a message costs its length + 4. */
    private static final TokenCounter CODE_POINTS = text -> text.codePointCount(0, text.length());

    private static final Message SYSTEM = Message.system("sys"); // 3 + 4 = 7

    @Test
    void givenEverythingFits_whenSelecting_thenAllMessagesInOrder() {
        List<Message> history = List.of(Message.user("hola"), Message.assistant("hola!"), Message.user("bien"));

        TokenWindow.Selection selection = new TokenWindow(CODE_POINTS, 100).select(List.of(SYSTEM), history);

        assertThat(selection.messages()).containsExactly(SYSTEM, history.get(0), history.get(1), history.get(2));
        assertThat(selection.tokens()).isEqualTo(7 + 8 + 9 + 8);
        assertThat(selection.droppedTurns()).isZero();
        assertThat(selection.newestTruncated()).isFalse();
    }

    @Test
    void givenBudgetExactlyFull_whenSelecting_thenNothingDropped() {
        List<Message> history = List.of(Message.user("hola"), Message.user("bien"));

        TokenWindow.Selection selection = new TokenWindow(CODE_POINTS, 7 + 8 + 8).select(List.of(SYSTEM), history);

        assertThat(selection.messages()).hasSize(3);
        assertThat(selection.tokens()).isEqualTo(23);
    }

    @Test
    void givenOneTokenShort_whenSelecting_thenOldestTurnDroppedWhole() {
        List<Message> history = List.of(Message.user("hola"), Message.user("bien"));

        TokenWindow.Selection selection = new TokenWindow(CODE_POINTS, 7 + 8 + 8 - 1).select(List.of(SYSTEM), history);

        assertThat(selection.messages()).containsExactly(SYSTEM, history.get(1));
        assertThat(selection.droppedTurns()).isEqualTo(1);
    }

    @Test
    void givenAGapInTheMiddle_whenSelecting_thenOlderTurnsBeyondTheGapAreNotPulledIn() {
        List<Message> history =
                List.of(Message.user("a"), Message.assistant("una respuesta larga de verdad"), Message.user("ok"));

        TokenWindow.Selection selection = new TokenWindow(CODE_POINTS, 7 + 6 + 5 + 3).select(List.of(SYSTEM), history);

        assertThat(selection.messages()).containsExactly(SYSTEM, history.get(2));
        assertThat(selection.droppedTurns()).isEqualTo(2);
    }

    @Test
    void givenPinnedNotesOverBudget_whenSelecting_thenPinnedKeptAndNewestTurnKeptTruncated() {
        Message note = Message.system("x".repeat(200));
        List<Message> history = List.of(Message.user("antes"), Message.user("y".repeat(100)));

        TokenWindow.Selection selection = new TokenWindow(CODE_POINTS, 50).select(List.of(SYSTEM, note), history);

        assertThat(selection.messages()).hasSize(3);
        assertThat(selection.messages().subList(0, 2)).containsExactly(SYSTEM, note);
        Message newest = selection.messages().get(2);
        assertThat(newest.role()).isEqualTo(Role.USER);
        assertThat(newest.text()).isEqualTo("y".repeat(TokenWindow.MIN_NEWEST_TURN_TOKENS - 4));
        assertThat(selection.newestTruncated()).isTrue();
    }

    @Test
    void givenNewestTurnAloneTooLong_whenSelecting_thenItIsCutToTheBudgetAndOlderTurnsDropped() {
        String longText = "á".repeat(300);
        List<Message> history = List.of(Message.user("hola"), Message.user(longText));

        TokenWindow.Selection selection = new TokenWindow(CODE_POINTS, 107).select(List.of(SYSTEM), history);

        assertThat(selection.messages()).hasSize(2);
        assertThat(selection.messages().get(1).text()).isEqualTo("á".repeat(96));
        assertThat(selection.tokens()).isEqualTo(107);
        assertThat(selection.droppedTurns()).isEqualTo(1);
    }

    @Test
    void givenEmojiAtTheCut_whenTruncating_thenNoSurrogatePairIsSplit() {
        String emojis = "😢".repeat(100); // 100 code points, 200 chars
        TokenWindow.Selection selection =
                new TokenWindow(CODE_POINTS, 7 + 4 + 41).select(List.of(SYSTEM), List.of(Message.user(emojis)));

        String kept = selection.messages().get(1).text();
        assertThat(kept).isEqualTo("😢".repeat(41));
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
    }

    @Test
    void givenAccentsAndEmoji_whenCounting_thenCostsComeFromTheCounter() {
        Message message = Message.user("¿Cómo estás? 🙂");

        assertThat(CODE_POINTS.count(message)).isEqualTo(14 + TokenCounter.MESSAGE_OVERHEAD_TOKENS);
    }

    @Test
    void givenHistoryEndingWithAssistant_whenSelecting_thenRejected() {
        TokenWindow window = new TokenWindow(CODE_POINTS, 100);

        assertThatThrownBy(() -> window.select(List.of(SYSTEM), List.of(Message.assistant("hola"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenZeroBudget_whenCreating_thenRejected() {
        assertThatThrownBy(() -> new TokenWindow(CODE_POINTS, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenACheapUpperBound_whenEverythingFitsByIt_thenNothingIsTokenized() {
        java.util.concurrent.atomic.AtomicInteger exact = new java.util.concurrent.atomic.AtomicInteger();
        TokenCounter bounded = new TokenCounter() {
            @Override
            public int count(String text) {
                exact.incrementAndGet();
                return text.length() / 2;
            }

            @Override
            public int upperBound(String text) {
                return text.length();
            }
        };
        List<Message> history = List.of(Message.user("hola"), Message.assistant("te escucho"), Message.user("bien"));

        TokenWindow.Selection roomy = new TokenWindow(bounded, 1000).select(List.of(), history);
        int exactCallsWhenRoomy = exact.get();
        TokenWindow.Selection tight = new TokenWindow(bounded, 4 + 2 + 4 + 5 + 4 + 2).select(List.of(), history);

        assertThat(roomy.messages()).containsExactlyElementsOf(history);
        assertThat(exactCallsWhenRoomy).isZero();
        assertThat(roomy.tokens()).isEqualTo(8 + 14 + 8);
        assertThat(tight.messages())
                .as("exactly as full as exact counting would make it")
                .containsExactlyElementsOf(history);
        assertThat(tight.tokens()).isEqualTo(6 + 9 + 6);
        assertThat(exact.get()).isPositive();
    }
}
