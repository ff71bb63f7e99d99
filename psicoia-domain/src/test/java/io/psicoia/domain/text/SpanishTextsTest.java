package io.psicoia.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.out.LlmUnavailableException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpanishTextsTest {

    @Test
    void givenAWait_whenRateLimited_thenTheOriginalSentencePlusRoundedUpSeconds() {
        assertThat(SpanishTexts.rateLimited(Duration.ofMillis(6_001)))
                .isEqualTo("Tranca, demasiados mensajes seguidos. Probá de nuevo en 7 segundos.");
        assertThat(SpanishTexts.rateLimited(Duration.ofMillis(300))).endsWith("en 1 segundo.");
    }

    @Test
    void givenEveryReason_whenUnavailable_thenTheTextSaysWhatToDoAndWhereToGetUrgentHelp() {
        for (Reason reason : Reason.values()) {
            assertThat(SpanishTexts.unavailable(reason, false))
                    .contains("Probá de nuevo")
                    .contains(SpanishTexts.EMERGENCY_HINT);
        }
        assertThat(SpanishTexts.operatorHint(Reason.AUTH)).contains("GROQ_API_KEY");
    }

    @Test
    void givenRefusals_whenRendered_thenEachHasItsSentence() {
        assertThat(SpanishTexts.refusal(new ChatOutcome.Busy(ChatOutcome.BusyReason.PER_USER)))
                .isEqualTo(SpanishTexts.BUSY_PER_USER);
        assertThat(SpanishTexts.refusal(new ChatOutcome.Busy(ChatOutcome.BusyReason.QUEUE_TIMEOUT)))
                .isEqualTo(SpanishTexts.BUSY_QUEUE);
    }

    @Test
    void givenLines_whenCheckingForSalir_thenOnlyTheWholeWordInAnyCaseCounts() {
        assertThat(SpanishTexts.isLeaveCommand("salir")).isTrue();
        assertThat(SpanishTexts.isLeaveCommand("  SALIR \t")).isTrue();
        assertThat(SpanishTexts.isLeaveCommand("Salir")).isTrue();
        assertThat(SpanishTexts.isLeaveCommand("quiero salir")).isFalse();
        assertThat(SpanishTexts.isLeaveCommand("salir!")).isFalse();
    }
}
