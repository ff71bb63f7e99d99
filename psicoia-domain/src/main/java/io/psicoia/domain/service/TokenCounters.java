package io.psicoia.domain.service;

import io.psicoia.domain.model.TokenCounter;

/** Token counters that need no tokenizer. */
public final class TokenCounters {

    /**
     * A rough estimate for when no tokenizer is plugged in: one token per three characters, rounded up (the original's
     * rule). Real deployments plug in a BPE tokenizer; this only keeps a library user's first steps working.
     */
    public static final TokenCounter ESTIMATE = text -> (text.length() + 2) / 3;

    private TokenCounters() {}
}
