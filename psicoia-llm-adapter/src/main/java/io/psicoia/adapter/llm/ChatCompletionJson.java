package io.psicoia.adapter.llm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** A whole (non-streamed) chat completion, for servers that ignore {@code stream: true}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatCompletionJson(List<ChoiceJson> choices, UsageJson usage, JsonNode error) {

    Optional<ChoiceJson> firstChoice() {
        return choices == null || choices.isEmpty() || choices.get(0) == null
                ? Optional.empty()
                : Optional.of(choices.get(0));
    }

    boolean hasError() {
        return error != null && !error.isNull();
    }

    @Override
    public String toString() {
        return "ChatCompletionJson[choices=" + (choices == null ? 0 : choices.size()) + "]";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChoiceJson(
            MessageJson message,
            @JsonProperty("finish_reason") String finishReason) {

        String text() {
            return message == null || message.content() == null ? "" : message.content();
        }

        @Override
        public String toString() {
            return "ChoiceJson[chars=" + text().length() + ", finishReason=" + finishReason + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageJson(String content) {

        @Override
        public String toString() {
            return "MessageJson[chars=" + (content == null ? 0 : content.length()) + "]";
        }
    }
}
