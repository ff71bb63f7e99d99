package io.psicoia.cli;

import io.psicoia.adapter.llm.JtokkitTokenCounter;
import io.psicoia.domain.port.out.ChatEvents;
import io.psicoia.domain.service.ChatService;
import io.psicoia.domain.service.ConversationConfig;
import io.psicoia.domain.service.SystemPrompt;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the chat service every command uses from the shared options. */
final class ChatWiring {

    private ChatWiring() {}

    static ChatService chatService(
            LlmWiring.Choice choice,
            LlmOptions llm,
            AdmissionOptions admission,
            SafetyOptions safety,
            ChatEvents events,
            Executor workers,
            ScheduledExecutorService timers) {
        ChatService.Builder builder = ChatService.builder(choice.port())
                .tokenCounter(new JtokkitTokenCounter())
                .admission(admission.toConfig())
                .defaultCountry(safety.defaultCountry())
                .events(events)
                .conversation(
                        new ConversationConfig(SystemPrompt.SPANISH, llm.inputTokenBudget, llm.historyMaxMessages));
        if (workers != null) {
            builder.worker(workers);
        }
        if (timers != null) {
            builder.timers(timers);
        }
        return builder.build();
    }
}
