package io.psicoia.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void givenACallback_whenCancelledTwice_thenItRunsOnce() {
        Cancellation cancellation = new Cancellation();
        AtomicInteger runs = new AtomicInteger();
        cancellation.onCancel(runs::incrementAndGet);

        cancellation.cancel();
        cancellation.cancel();

        assertThat(runs.get()).isEqualTo(1);
        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void givenAlreadyCancelled_whenRegistering_thenTheCallbackRunsAtOnce() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        AtomicInteger runs = new AtomicInteger();

        cancellation.onCancel(runs::incrementAndGet);

        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void givenAClosedRegistration_whenCancelled_thenTheCallbackDoesNotRun() {
        Cancellation cancellation = new Cancellation();
        AtomicInteger runs = new AtomicInteger();
        Cancellation.Registration registration = cancellation.onCancel(runs::incrementAndGet);

        registration.close();
        cancellation.cancel();

        assertThat(runs.get()).isZero();
    }
}
