package io.psicoia.domain.testing;

import io.psicoia.domain.port.out.LlmPort;
import io.psicoia.domain.port.out.LlmUnavailableException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The fake keeps the port contract, so tests written against it say something about the real adapters. */
class FakeLlmPortContractTest extends AbstractLlmPortContractTest {

    @Override
    protected Scenario answering(List<String> pieces) {
        FakeLlmPort port = new FakeLlmPort().then(FakeLlmPort.reply(pieces.toArray(String[]::new)));
        return Scenario.scripted(port, pieces);
    }

    @Override
    protected LlmPort portThatStreamsSlowly() {
        String[] words = Collections.nCopies(30, "despacio ").toArray(String[]::new);
        return new FakeLlmPort().byDefault(FakeLlmPort.reply(words)).pacedBy(Duration.ofMillis(100));
    }

    @Override
    protected Optional<LlmPort> portThatFails(LlmUnavailableException.Reason reason) {
        return Optional.of(new FakeLlmPort().then(FakeLlmPort.failure(reason)));
    }
}
