package io.psicoia.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void givenMoreTurnsThanTheCap_whenAppending_thenOldestAreForgotten() throws InterruptedException {
        Conversation conversation = new Conversation(new ConversationId("c1"), "prompt", 3);

        try (Conversation.Turn turn = conversation.awaitTurn()) {
            turn.addUserMessage("uno");
            turn.addAssistantMessage("dos");
            turn.addUserMessage("tres");
            turn.addAssistantMessage("cuatro");

            assertThat(turn.history()).extracting(Message::text).containsExactly("dos", "tres", "cuatro");
            assertThat(turn.pinned()).containsExactly(Message.system("prompt"));
        }
    }

    @Test
    void givenPinnedNote_whenReadingPinned_thenItFollowsTheSystemPrompt() throws InterruptedException {
        Conversation conversation = new Conversation(new ConversationId("c1"), "prompt", 3);

        try (Conversation.Turn turn = conversation.awaitTurn()) {
            turn.pinNote("nota");
            assertThat(turn.pinned()).extracting(Message::text).containsExactly("prompt", "nota");
        }
    }

    @Test
    void givenAnUnansweredTurn_whenWithdrawn_thenOnlyThatUserMessageGoes() throws InterruptedException {
        Conversation conversation = new Conversation(new ConversationId("c1"), "prompt", 10);

        try (Conversation.Turn turn = conversation.awaitTurn()) {
            turn.addUserMessage("hola");
            turn.addAssistantMessage("hola, te escucho");
            turn.addUserMessage("sin respuesta");
            turn.withdrawNewestUserMessage();
            turn.withdrawNewestUserMessage();

            assertThat(turn.history()).extracting(Message::text).containsExactly("hola", "hola, te escucho");
        }
    }

    @Test
    void givenCallersQueuedOneAfterAnother_whenTurnsAreReleased_thenTheyRunInArrivalOrder() throws Exception {
        Conversation conversation = new Conversation(new ConversationId("c1"), "prompt", 10);
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> threads = new java.util.ArrayList<>();

        Conversation.Turn first = conversation.awaitTurn();
        for (int i = 1; i <= 5; i++) {
            int number = i;
            Thread thread = new Thread(() -> {
                try (Conversation.Turn turn = conversation.awaitTurn()) {
                    order.add(number);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
            while (conversation.waitingTurns() < i) {
                Thread.onSpinWait();
            }
        }
        first.close();
        for (Thread thread : threads) {
            thread.join(5_000);
        }

        assertThat(order).containsExactly(1, 2, 3, 4, 5);
        assertThat(first.number()).isEqualTo(1);
    }

    @Test
    void givenARememberingCounter_whenCountingTheSameMessagesAgain_thenEachIsTokenizedOnceWhileHeld()
            throws InterruptedException {
        Conversation conversation = new Conversation(new ConversationId("c1"), "prompt", 2);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        TokenCounter counting = text -> {
            calls.incrementAndGet();
            return text.length();
        };

        try (Conversation.Turn turn = conversation.awaitTurn()) {
            turn.addUserMessage("uno");
            Message uno = turn.history().get(0);
            TokenCounter remembering = turn.remembering(counting);
            remembering.count(uno);
            remembering.count(uno);
            assertThat(calls.get()).isEqualTo(1);
            remembering.count(Message.user("uno"));
            assertThat(calls.get())
                    .as("an equal message that is not held is counted, not remembered")
                    .isEqualTo(2);

            turn.addAssistantMessage("dos");
            turn.addUserMessage("tres"); // "uno" leaves the history, and its count with it
            remembering.count(uno);
            remembering.count(uno);
            assertThat(calls.get()).isEqualTo(4);
            assertThat(remembering.count("texto suelto")).isEqualTo(12);
        }
    }

    @Test
    void givenARememberingCounter_whenBoundingTheSameMessageAgain_thenItIsMeasuredOnceAndAnExactCountWins()
            throws InterruptedException {
        Conversation conversation = new Conversation(new ConversationId("c1"), "prompt", 4);
        java.util.concurrent.atomic.AtomicInteger bounds = new java.util.concurrent.atomic.AtomicInteger();
        TokenCounter counting = new TokenCounter() {
            @Override
            public int count(String text) {
                return 1;
            }

            @Override
            public int upperBound(String text) {
                bounds.incrementAndGet();
                return text.length();
            }
        };

        try (Conversation.Turn turn = conversation.awaitTurn()) {
            turn.addUserMessage("uno dos tres");
            Message held = turn.history().get(0);
            TokenCounter remembering = turn.remembering(counting);
            assertThat(remembering.upperBound(held)).isEqualTo(12 + TokenCounter.MESSAGE_OVERHEAD_TOKENS);
            assertThat(remembering.upperBound(held)).isEqualTo(12 + TokenCounter.MESSAGE_OVERHEAD_TOKENS);
            assertThat(bounds.get()).isEqualTo(1);
            assertThat(remembering.count(held)).isEqualTo(1 + TokenCounter.MESSAGE_OVERHEAD_TOKENS);
            assertThat(remembering.upperBound(held))
                    .as("once counted, the exact count is the tightest bound")
                    .isEqualTo(1 + TokenCounter.MESSAGE_OVERHEAD_TOKENS);
            remembering.upperBound(Message.user("uno dos tres"));
            assertThat(bounds.get())
                    .as("a message not held is measured, not remembered")
                    .isEqualTo(2);
        }
    }

    @Test
    void givenASharedSystemPromptInstance_whenPinned_thenTheSameInstanceIsPinned() throws InterruptedException {
        Message prompt = Message.system("prompt");
        Conversation conversation = new Conversation(new ConversationId("c1"), prompt, 3);

        try (Conversation.Turn turn = conversation.awaitTurn()) {
            assertThat(turn.pinned()).hasSize(1);
            assertThat(turn.pinned().get(0)).isSameAs(prompt);
            turn.pinNote("nota");
            assertThat(turn.pinned()).extracting(Message::text).containsExactly("prompt", "nota");
        }
    }
}
