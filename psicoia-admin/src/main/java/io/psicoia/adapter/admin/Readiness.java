package io.psicoia.adapter.admin;

import java.util.Map;

/** What {@code /readyz} reports: named checks, each true when ready. The process is ready when all are. */
@FunctionalInterface
public interface Readiness {

    /** The checks, in a stable order, by name ({@code listening}, {@code llm}…); evaluated on each request. */
    Map<String, Boolean> checks();
}
