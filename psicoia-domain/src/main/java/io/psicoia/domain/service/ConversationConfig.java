package io.psicoia.domain.service;

import java.util.Objects;

/**
 * How a conversation is kept and shown to the model.
 *
 * @param systemPrompt the instruction pinned at the start of every prompt
 * @param inputTokenBudget tokens of prompt the model may see ({@code LLM_INPUT_TOKEN_BUDGET})
 * @param historyMaxMessages messages of history kept per conversation ({@code LLM_HISTORY_MAX_MESSAGES})
 */
public record ConversationConfig(String systemPrompt, int inputTokenBudget, int historyMaxMessages) {

    /** The original's defaults: a 1000-token budget and 10 messages of history, with PsicoIA's prompt. */
    public static final ConversationConfig DEFAULTS = new ConversationConfig(SystemPrompt.SPANISH, 1000, 10);

    public ConversationConfig {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        if (systemPrompt.isBlank()) {
            throw new IllegalArgumentException("systemPrompt must not be blank");
        }
        if (inputTokenBudget < 1) {
            throw new IllegalArgumentException("inputTokenBudget must be >= 1");
        }
        if (historyMaxMessages < 1) {
            throw new IllegalArgumentException("historyMaxMessages must be >= 1");
        }
    }

    @Override
    public String toString() {
        return "ConversationConfig[systemPromptChars=" + systemPrompt.length() + ", inputTokenBudget="
                + inputTokenBudget + ", historyMaxMessages=" + historyMaxMessages + "]";
    }
}
