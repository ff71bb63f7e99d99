package io.psicoia.gateway.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A well-behaved WebSocket client ({@code java.net.http}) that queues what it receives, each read with a deadline. */
final class JdkWsClient implements AutoCloseable {

    /** A text message, or the close. */
    record Event(String text, int closeCode, String closeReason, long atNanos) {
        boolean isClose() {
            return text == null;
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    JdkWsClient(int port) throws Exception {
        socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            events.add(new Event(text.toString(), 0, null, System.nanoTime()));
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        events.add(new Event(null, statusCode, reason, System.nanoTime()));
                        return null;
                    }
                })
                .get(5, TimeUnit.SECONDS);
    }

    JdkWsClient send(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
        return this;
    }

    /** The next text message, within 5 s. */
    String text() throws InterruptedException {
        Event event = next();
        if (event.isClose()) {
            throw new AssertionError("closed (" + event.closeCode() + " " + event.closeReason() + ") instead of text");
        }
        return event.text();
    }

    /** The next event, within 5 s. */
    Event next() throws InterruptedException {
        Event event = events.poll(5, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("nothing received within 5 s");
        }
        return event;
    }

    /** Skips text until the close, within 5 s. */
    Event closeEvent() throws InterruptedException {
        for (Event event = next(); ; event = next()) {
            if (event.isClose()) {
                return event;
            }
        }
    }

    void sendClose() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
