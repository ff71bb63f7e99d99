package io.psicoia.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.model.Message;
import io.psicoia.domain.model.TokenCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JtokkitTokenCounterTest {

    private final JtokkitTokenCounter counter = new JtokkitTokenCounter();

    @Test
    void givenAnEmptyString_whenCounted_thenZero() {
        assertThat(counter.count("")).isZero();
    }

    @Test
    void givenSpanishSentences_whenCounted_thenRealTokenCountsDifferFromACharacterEstimate() {
        List<String> sentences = List.of(
                "Te escucho. ¿Qué te preocupa hoy?",
                "Últimamente me cuesta dormir y me siento muy cansada 😔",
                "Gracias por acompañarme en este momento difícil, de verdad.",
                "ñandú, acción, corazón, pingüino 🙂🌱");

        boolean someDiffer = false;
        for (String sentence : sentences) {
            int tokens = counter.count(sentence);
            assertThat(tokens).as("tokens of a sentence").isPositive();
            someDiffer |= tokens != sentence.length() / 3;
        }
        assertThat(someDiffer).isTrue();
    }

    @Test
    void givenTextThatLooksLikeASpecialToken_whenCounted_thenItIsCountedAsOrdinaryText() {
        assertThat(counter.count("<|endoftext|> hola")).isPositive();
    }

    @Test
    void givenAMessage_whenCounted_thenTheOverheadIsAdded() {
        String text = "¿Cómo estás?";

        assertThat(counter.count(Message.user(text)))
                .isEqualTo(counter.count(text) + TokenCounter.MESSAGE_OVERHEAD_TOKENS);
    }

    @Test
    void givenSpanishTextWithEmoji_whenBounding_thenTheBoundIsTheUtf8LengthAndNeverBelowTheCount() {
        JtokkitTokenCounter counter = new JtokkitTokenCounter();
        for (String text : java.util.List.of("hola", "¿Cómo estás? 😢 ñandú", "x".repeat(500), "")) {
            assertThat(counter.upperBound(text))
                    .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isGreaterThanOrEqualTo(counter.count(text));
        }
    }
}
