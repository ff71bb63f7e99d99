package io.psicoia.domain.port.out;

import io.psicoia.domain.model.Cancellation;
import java.util.function.Consumer;

/**
 * Outbound port: a language model that writes the next assistant message of a conversation, streaming it as it goes.
 *
 * <p>The call blocks the calling thread until the reply is complete, cancelled, or failed; callers run it on a worker
 * thread, never on an I/O event loop.
 */
public interface LlmPort {

    /**
     * Writes the reply to {@code request}, handing each piece of text to {@code onDelta} as soon as it arrives.
     *
     * @param request the prompt: pinned messages and the selected history, oldest first
     * @param onDelta receives the reply in order, piece by piece; called on the calling thread
     * @param cancellation when fired, the call stops as soon as it can and returns a result that is not complete
     * @return how the reply ended and, when the model reported it, its token usage
     * @throws LlmUnavailableException when no reply could be had; nothing was sent to {@code onDelta} unless the
     *     failure came in the middle of a stream
     */
    LlmResult complete(LlmRequest request, Consumer<String> onDelta, Cancellation cancellation);
}
