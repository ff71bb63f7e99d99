package io.psicoia.domain.service;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.safety.OutputCheck;
import java.util.function.Consumer;

/**
 * Streams a reply of the model sentence by sentence, each released only after the output check passed it. A sentence
 * that fails stops the stream: it and everything after it are never released, and the model call is cancelled.
 *
 * <p>A sentence ends at a new line, or at {@code . ! ? …} followed by a space (so "3.5" is not cut in two); a run of
 * {@value #MAX_HELD} characters with no end is released up to its last space. Not thread-safe: one model call feeds
 * it, on one thread.
 */
final class CheckedStream implements Consumer<String> {

    static final int MAX_HELD = 600;

    private final OutputCheck check;
    private final Consumer<String> release;
    private final Cancellation call;
    private final StringBuilder held = new StringBuilder(128);
    private boolean failed;

    /**
     * @param release receives the text that passed the check
     * @param call the model call's cancellation, fired when a sentence fails
     */
    CheckedStream(OutputCheck check, Consumer<String> release, Cancellation call) {
        this.check = check;
        this.release = release;
        this.call = call;
    }

    @Override
    public void accept(String delta) {
        if (failed) {
            return;
        }
        int from = held.length();
        held.append(delta);
        int end = lastSentenceEnd(Math.max(0, from - 1));
        if (end < 0 && held.length() > MAX_HELD) {
            end = held.lastIndexOf(" ") + 1;
            if (end <= 0) {
                end = held.length();
            }
        }
        if (end > 0) {
            pass(end);
        }
    }

    /** The stream ended: checks and releases what is still held. */
    void finish() {
        if (!failed && held.length() > 0) {
            pass(held.length());
        }
    }

    /** Whether a sentence failed the check (nothing after it was released). */
    boolean failed() {
        return failed;
    }

    private void pass(int end) {
        String sentences = held.substring(0, end);
        if (check.harmful(sentences)) {
            failed = true;
            held.setLength(0);
            call.cancel();
            return;
        }
        held.delete(0, end);
        release.accept(sentences);
    }

    /** The index just after the last complete sentence in {@link #held} (searching from {@code from}), or -1. */
    private int lastSentenceEnd(int from) {
        int end = -1;
        for (int i = from; i < held.length(); i++) {
            char c = held.charAt(i);
            if (c == '\n') {
                end = i + 1;
            } else if ((c == '.' || c == '!' || c == '?' || c == '…')
                    && i + 1 < held.length()
                    && Character.isWhitespace(held.charAt(i + 1))) {
                end = i + 2;
            }
        }
        return end;
    }
}
