package io.psicoia.gateway.ws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A browser that stops reading makes the gateway stop reading the app: nothing piles up in between. */
class WsGatewayBackpressureIT {

    @RegisterExtension
    final GatewayExtension gateway = new GatewayExtension();

    private final FakeApp app = new FakeApp();

    @AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    void givenABrowserThatStopsReading_whenTheAppKeepsWriting_thenTheAppIsBlockedAfterABoundedAmount()
            throws Exception {
        int port = gateway.start(GatewayExtension.config(app.port()));
        try (RawWsClient browser = RawWsClient.connect(port, null)) {
            browser.text("{\"type\":\"hello\"}");
            FakeApp.Connection connection = app.connection();
            connection.line();
            // The browser reads nothing from now on; the app writes as fast as the gateway takes it.
            byte[] line =
                    ("{\"type\":\"delta\",\"id\":\"m1\",\"text\":\"" + "x".repeat(1000) + "\"}\n").getBytes(UTF_8);
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = connection.socket().getOutputStream();
                    while (!Thread.currentThread().isInterrupted()) {
                        out.write(line);
                        written.addAndGet(line.length);
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            writer.setDaemon(true);
            writer.start();
            // Wait until the writes stall (the socket buffers on both hops fill at the machine's pace, so no fixed
            // delay fits every machine): no progress for a full second.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            long previous = -1;
            long current = written.get();
            while (current != previous && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                previous = current;
                current = written.get();
            }
            long before = written.get();
            Thread.sleep(2000);
            long after = written.get();
            writer.interrupt();
            connection.close();
            // Kernel socket buffers on both loopback hops hold some megabytes, and the kernel may still make a little
            // room later (compacting a full receive queue reopens the window once: about 1.4 MB seen on one kernel);
            // the gateway itself holds one high-water mark (64 KiB) plus one read. Without backpressure the app would
            // have written gigabytes in these seconds.
            assertThat(after - before).as("the app stayed blocked").isLessThan(4L * 1024 * 1024);
            assertThat(after).isLessThan(64L * 1024 * 1024);
        }
    }
}
