package io.psicoia.domain.port.in;

/**
 * Inbound port: a person sends a message and gets a reply, streamed as it is written.
 *
 * <p>The call blocks until the turn ends; run it on a worker thread. The reply's text goes to the sink piece by
 * piece; the returned outcome says how the turn ended. Refusals (rate limit, busy) and failures (model unavailable)
 * are outcomes, never exceptions.
 */
public interface SendMessageUseCase {

    ChatOutcome send(SendMessageCommand command, ReplySink sink);
}
