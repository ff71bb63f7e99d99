package io.psicoia.adapter.llm.offline;

import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmUnavailableException;
import io.psicoia.domain.testing.AbstractLlmPortContractTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The offline responder keeps the port contract. It writes its own reply, so the normal cases check the reply's
 * shape only, and it never fails, so the failure cases are skipped.
 */
class OfflineLlmAdapterContractTest extends AbstractLlmPortContractTest {

    /** With a pause of 100 ms per word, a reply of a few dozen words takes seconds. */
    private static final Duration SLOW_PACE = Duration.ofMillis(100);

    @Override
    protected Scenario answering(List<String> pieces) {
        return Scenario.ownText(new OfflineLlmAdapter(Duration.ZERO));
    }

    @Override
    protected LlmPort portThatStreamsSlowly() {
        return new OfflineLlmAdapter(SLOW_PACE);
    }

    @Override
    protected Optional<LlmPort> portThatFails(LlmUnavailableException.Reason reason) {
        return Optional.empty();
    }
}
