package io.psicoia.cli;

/** Bodies a stubbed OpenAI-compatible provider answers with. */
final class ProviderStubs {

    private ProviderStubs() {}

    /** A streamed chat completion: one chunk per piece, then stop, usage and {@code [DONE]}. */
    static String sse(String... pieces) {
        StringBuilder body = new StringBuilder();
        for (String piece : pieces) {
            body.append(
                            "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
                    .append(piece)
                    .append("\"},\"finish_reason\":null}]}\n\n");
        }
        body.append("data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},")
                .append("\"finish_reason\":\"stop\"}]}\n\n");
        body.append("data: {\"object\":\"chat.completion.chunk\",\"choices\":[],")
                .append("\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":5,\"total_tokens\":25}}\n\n");
        body.append("data: [DONE]\n\n");
        return body.toString();
    }
}
