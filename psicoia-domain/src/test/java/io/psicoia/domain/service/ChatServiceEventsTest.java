package io.psicoia.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.model.ConversationId;
import io.psicoia.domain.model.TokenUsage;
import io.psicoia.domain.port.in.ChatOutcome;
import io.psicoia.domain.port.in.SendMessageCommand;
import io.psicoia.domain.port.out.ChatEvents;
import io.psicoia.domain.safety.CareTool;
import io.psicoia.domain.safety.RiskLevel;
import io.psicoia.domain.safety.RiskSubject;
import io.psicoia.domain.testing.FakeLlmPort;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the service reports for metrics: kinds and timings, once per event. */
class ChatServiceEventsTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private final ChatEvents recorder = new ChatEvents() {
        @Override
        public void admitted(boolean urgent) {
            seen.add("admitted urgent=" + urgent);
        }

        @Override
        public void refused(ChatOutcome refusal) {
            seen.add("refused " + refusal.getClass().getSimpleName());
        }

        @Override
        public void slotGranted(Duration waited) {
            seen.add("slot");
        }

        @Override
        public void modelCall(
                Optional<Duration> firstText, Duration total, ChatOutcome outcome, Optional<TokenUsage> usage) {
            assertThat(firstText).isPresent();
            assertThat(total).isGreaterThanOrEqualTo(firstText.get());
            seen.add("model " + outcome.getClass().getSimpleName());
        }

        @Override
        public void safetyNotice(RiskLevel level, RiskSubject about) {
            seen.add("safety " + level + " " + about);
        }

        @Override
        public void toolUsed(CareTool tool) {
            seen.add("tool " + tool);
        }

        @Override
        public void finished(ChatOutcome outcome) {
            seen.add("finished " + outcome.getClass().getSimpleName());
        }
    };

    @Test
    void givenAChat_whenMessagesFlow_thenEachStepIsReportedOnceWithoutText() {
        FakeLlmPort llm = new FakeLlmPort().byDefault(FakeLlmPort.reply("Te escucho."));
        ChatService chat = ChatService.builder(llm)
                .admission(new AdmissionConfig(
                        2, 2, 2, Duration.ofSeconds(10), 10, Duration.ofSeconds(2), Duration.ofSeconds(5)))
                .events(recorder)
                .build();
        ConversationId ana = new ConversationId("ana");

        chat.send(SendMessageCommand.of(ana, "hola"), text -> {});
        chat.send(SendMessageCommand.of(ana, "/respirar"), text -> {});
        chat.send(SendMessageCommand.of(ana, "sigo acá"), text -> {});
        chat.send(SendMessageCommand.of(ana, "¿me escuchás?"), text -> {});
        chat.send(SendMessageCommand.of(ana, "ya no aguanto más, esta noche me quiero matar"), text -> {});

        assertThat(seen)
                .containsExactly(
                        "admitted urgent=false",
                        "slot",
                        "model Reply",
                        "finished Reply",
                        "tool RESPIRAR",
                        "admitted urgent=true",
                        "finished Reply",
                        "admitted urgent=false",
                        "slot",
                        "model Reply",
                        "finished Reply",
                        "refused RateLimited",
                        "safety IMMINENT SELF",
                        "admitted urgent=true",
                        "slot",
                        "model Reply",
                        "finished Reply");
    }
}
