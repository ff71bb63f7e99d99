package io.psicoia.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.safety.OutputCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedStreamTest {

    private final List<String> released = new ArrayList<>();
    private final Cancellation call = new Cancellation();
    private final CheckedStream stream = new CheckedStream(new OutputCheck(), released::add, call);

    @Test
    void givenPiecesOfSentences_whenStreamed_thenEachSentenceIsReleasedWholeOnceItsEndIsSeen() {
        stream.accept("Hola, ");
        stream.accept("te escucho.");
        assertThat(released).isEmpty(); // "." not yet followed by a space: it could be "3.5"
        stream.accept(" ¿Qué pasó?\nContame");
        assertThat(released).containsExactly("Hola, te escucho. ¿Qué pasó?\n");
        stream.finish();
        assertThat(released).containsExactly("Hola, te escucho. ¿Qué pasó?\n", "Contame");
        assertThat(stream.failed()).isFalse();
        assertThat(call.isCancelled()).isFalse();
    }

    @Test
    void givenADoseSplitAcrossPieces_whenStreamed_thenNothingOfItIsReleasedAndTheCallIsCancelled() {
        stream.accept("Entiendo. ");
        stream.accept("Tomá 2.");
        stream.accept("5 mg y listo. Más texto.");
        stream.finish();

        assertThat(released).containsExactly("Entiendo. ");
        assertThat(stream.failed()).isTrue();
        assertThat(call.isCancelled()).isTrue();
        stream.accept("Después. ");
        assertThat(released).hasSize(1);
    }

    @Test
    void givenALongRunWithoutASentenceEnd_whenStreamed_thenItIsReleasedUpToItsLastSpace() {
        String word = "palabra ";
        stream.accept(word.repeat(CheckedStream.MAX_HELD / word.length() + 2));
        assertThat(released).hasSize(1);
        assertThat(released.get(0)).endsWith(" ");
    }
}
