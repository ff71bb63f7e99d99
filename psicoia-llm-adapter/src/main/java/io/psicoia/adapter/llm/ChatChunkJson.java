package io.psicoia.adapter.llm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.psicoia.domain.model.TokenUsage;
import java.util.List;
import java.util.Optional;

/**
 * One {@code chat.completion.chunk} of a stream. Only what the adapter needs is mapped; everything else is ignored.
 * Groq also reports usage under {@code x_groq.usage}, read when the standard {@code usage} is absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatChunkJson(
        List<ChoiceJson> choices,
        UsageJson usage,
        @JsonProperty("x_groq") GroqExtraJson groq,
        JsonNode error) {

    /** The first choice; the usage chunk has none. */
    Optional<ChoiceJson> firstChoice() {
        return choices == null || choices.isEmpty() || choices.get(0) == null
                ? Optional.empty()
                : Optional.of(choices.get(0));
    }

    Optional<TokenUsage> tokenUsage() {
        if (usage != null) {
            return Optional.of(usage.toDomain());
        }
        if (groq != null && groq.usage() != null) {
            return Optional.of(groq.usage().toDomain());
        }
        return Optional.empty();
    }

    /** Whether the provider reported an error in the middle of the stream. */
    boolean hasError() {
        return error != null && !error.isNull();
    }

    @Override
    public String toString() {
        return "ChatChunkJson[choices=" + (choices == null ? 0 : choices.size()) + "]";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChoiceJson(
            DeltaJson delta, @JsonProperty("finish_reason") String finishReason) {

        /** The text of this piece; empty when the delta has none. */
        String text() {
            return delta == null || delta.content() == null ? "" : delta.content();
        }

        @Override
        public String toString() {
            return "ChoiceJson[chars=" + text().length() + ", finishReason=" + finishReason + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeltaJson(String content) {

        @Override
        public String toString() {
            return "DeltaJson[chars=" + (content == null ? 0 : content.length()) + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GroqExtraJson(UsageJson usage) {}
}
