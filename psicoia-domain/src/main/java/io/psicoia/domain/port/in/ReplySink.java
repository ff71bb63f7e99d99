package io.psicoia.domain.port.in;

import io.psicoia.domain.safety.SafetyNotice;

/**
 * Where a streamed reply goes, as it is written. Calls come one at a time, possibly from different threads (a worker,
 * a timer, the caller of {@code submit}), each after the previous one returned. Implementations must not throw: a
 * sink whose reader has gone should drop the text and fire the command's cancellation instead.
 */
public interface ReplySink {

    /** The next piece of the reply. */
    void delta(String text);

    /** The message is waiting for a free slot; called at most once per message, before any delta. */
    default void queued() {}

    /**
     * The message showed risk (or asked for help): this notice comes first, before any other call for the message,
     * and as soon as the message is submitted. Show it prominently. By default its text is streamed as the start of
     * the reply, so a sink that does not know about notices still shows it.
     */
    default void safety(SafetyNotice notice) {
        delta(notice.message() + "\n\n");
    }
}
