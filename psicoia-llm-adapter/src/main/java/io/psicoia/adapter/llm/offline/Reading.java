package io.psicoia.adapter.llm.offline;

import java.util.List;
import java.util.Objects;

/**
 * What the offline responder understood of the newest message.
 *
 * @param intent the kind of reply it calls for
 * @param themes the themes found, most important first; empty unless {@code intent} is {@link Intent#THEME}
 * @param greeted whether the message opened with a greeting
 */
record Reading(Intent intent, List<Theme> themes, boolean greeted) {

    enum Intent {
        /** Self-harm or suicide language: the urgent reply, nothing else. */
        RISK,
        /** At least one theme was recognised. */
        THEME,
        /** Only a greeting. */
        GREETING,
        /** Thanks, with no theme. */
        THANKS,
        /** Too short or too vague to reflect anything back. */
        UNCLEAR,
        /** Something was said, but no theme matched. */
        GENERIC
    }

    Reading {
        Objects.requireNonNull(intent, "intent");
        themes = List.copyOf(themes);
        if ((intent == Intent.THEME) == themes.isEmpty()) {
            throw new IllegalArgumentException("themes must be present exactly when the intent is THEME");
        }
    }
}
