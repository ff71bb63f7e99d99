package io.psicoia.domain.port.in;

/**
 * Where a streamed reply goes, as it is written. Calls come one at a time, possibly from different threads (a worker,
 * a timer), each after the previous one returned. Implementations must not throw: a sink whose reader has gone should drop the text and fire the command's cancellation instead.
 */
public interface ReplySink {

    /** The next piece of the reply. */
    void delta(String text);

    /** The message is waiting for a free slot; called at most once per message, before any delta. */
    default void queued() {}
}
