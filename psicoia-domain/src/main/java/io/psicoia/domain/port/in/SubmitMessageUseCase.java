package io.psicoia.domain.port.in;

import java.util.function.Consumer;

/**
 * Inbound port for servers: a person sends a message; it is admitted or refused at once, without blocking, and an
 * admitted message is answered later on a worker thread, in the conversation's order. Safe to call from an I/O event
 * loop.
 */
public interface SubmitMessageUseCase {

    /**
     * Admits or refuses a message.
     *
     * @param sink receives the reply as it is written (and a queued notice), on a worker or timer thread, one call at
     *     a time
     * @param onDone runs exactly once for an admitted message, after the last call to the sink, with how it ended
     * @return {@link Admission.Refused} with the reason when the message was refused (nothing else happens then), or
     *     {@link Admission.Accepted}
     */
    Admission submit(SendMessageCommand command, ReplySink sink, Consumer<ChatOutcome> onDone);
}
