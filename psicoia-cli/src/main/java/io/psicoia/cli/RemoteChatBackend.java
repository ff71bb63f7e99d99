package io.psicoia.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.psicoia.domain.model.Cancellation;
import io.psicoia.domain.text.SpanishTexts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running {@code psicoia app} over TCP in JSON mode (docs/protocol.md §3): hello, then one {@code message} per turn
 * whose {@code safety} notice (if any) and {@code delta}s are streamed as they arrive, {@code cancel} on Ctrl-C,
 * {@code bye} on leaving.
 *
 * <p>A daemon thread reads the socket and queues the server's events; {@link #send} takes them on the caller's thread,
 * so the session writes the reply exactly as it does for a local model. Server lines are parsed defensively: a line
 * longer than {@value #MAX_LINE_CHARS} characters is skipped, a malformed line or an unknown {@code type} is ignored,
 * and text meant for the terminal is stripped of control characters. Logs carry events and sizes, never text.
 */
final class RemoteChatBackend implements ChatBackend {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteChatBackend.class);

    static final int MAX_LINE_CHARS = 1 << 20;
    /** Lines (greeting, notices) a server may send before {@code welcome}. */
    private static final int MAX_LINES_BEFORE_WELCOME = 32;
    /** How long a cancelled message may wait for its {@code done} before the session gives up on it. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    private static final String ERROR_FALLBACK = "PsicoIA no pudo responder este mensaje. Probá de nuevo en unos"
            + " minutos. " + SpanishTexts.EMERGENCY_HINT;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            // Jackson's default since 2.16, stated so a parse error never quotes the line it came from.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxNumberLength(32)
                    .maxStringLength(MAX_LINE_CHARS)
                    .build())
            .build());

    private final ServerAddress address;
    private final Socket socket;
    private final OutputStream output;
    private final String user;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** What the server said outside any message (shutting down, idle); touched on the session's thread only. */
    private final List<String> notices = new ArrayList<>();

    private boolean ended;
    private int sent;

    private RemoteChatBackend(ServerAddress address, Socket socket, String user) throws IOException {
        this.address = address;
        this.socket = socket;
        this.output = socket.getOutputStream();
        this.user = user;
    }

    /**
     * Connects and says hello; returns once the server answered {@code welcome}.
     *
     * @param client the {@code client} field of hello, e.g. {@code psicoia-chat/0.1.0}
     * @param locale the {@code locale} field of hello ({@code es} or {@code es-AR}: see {@link
     *     ChatBackend#localeTag}); its country chooses the crisis lines the server shows
     * @param timeout for connecting, and again for the welcome
     * @throws CannotConnectException with one Spanish line naming the address and what to check
     */
    static RemoteChatBackend connect(ServerAddress address, String client, String locale, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
        } catch (IOException e) {
            closeQuietly(socket);
            throw cannotConnect(address, e, timeout);
        }
        try {
            LineReader reader = new LineReader(socket);
            writeLine(socket.getOutputStream(), hello(client, locale));
            socket.setSoTimeout((int) timeout.toMillis());
            String user = awaitWelcome(address, reader);
            socket.setSoTimeout(0);
            RemoteChatBackend backend = new RemoteChatBackend(address, socket, user);
            Thread thread = new Thread(() -> backend.readLoop(reader), "psicoia-chat-connection");
            thread.setDaemon(true);
            thread.start();
            LOG.info("event=chat.connected server={} user={}", address, user);
            return backend;
        } catch (CannotConnectException e) {
            closeQuietly(socket);
            throw e;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new CannotConnectException(
                    "PsicoIA no respondió al saludo en " + address + " en " + timeout.toSeconds() + " segundos."
                            + " Revisá que --connect apunte al puerto de psicoia app (5001 por defecto).",
                    e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new CannotConnectException(
                    "Se cortó la conexión con " + address + " antes de empezar ("
                            + e.getClass().getSimpleName()
                            + "). Revisá que psicoia app esté en marcha y probá de nuevo.",
                    e);
        }
    }

    private static String hello(String client, String locale) {
        ObjectNode hello = JSON.createObjectNode();
        hello.put("type", "hello").put("client", client).put("locale", locale);
        return encode(hello);
    }

    /** Skips the greeting lines; the user name from {@code welcome}. */
    private static String awaitWelcome(ServerAddress address, LineReader reader) throws IOException {
        String lastPlainLine = "";
        for (int i = 0; i < MAX_LINES_BEFORE_WELCOME; i++) {
            Optional<String> line = reader.next();
            if (line.isEmpty()) {
                throw new CannotConnectException(
                        lastPlainLine.isEmpty()
                                ? "PsicoIA en " + address + " cerró la conexión antes de empezar. Probá de nuevo en"
                                        + " unos minutos."
                                : "PsicoIA en " + address + " no aceptó la conversación: " + lastPlainLine,
                        null);
            }
            Optional<JsonNode> frame = parse(line.get());
            if (frame.isPresent() && "welcome".equals(type(frame.get()))) {
                JsonNode user = frame.get().get("user");
                return user != null && user.isTextual() ? safeToken(user.asText()) : "desconocido";
            }
            if (frame.isEmpty() && !isGreeting(line.get())) {
                lastPlainLine = Terminal.clean(line.get()).strip();
            }
        }
        throw new CannotConnectException(
                "El servidor en " + address + " no habla el protocolo de PsicoIA. Revisá que --connect apunte al"
                        + " puerto de psicoia app (5001 por defecto).",
                null);
    }

    /** The three lines every connection starts with (protocol §2), which a JSON client skips. */
    private static boolean isGreeting(String line) {
        String text = line.strip();
        return text.endsWith(" conectado.")
                || text.equals(SpanishTexts.WELCOME)
                || text.equals(SpanishTexts.INVITATION);
    }

    @Override
    public TurnEnd send(String text, TurnSink sink, Cancellation cancellation) {
        Optional<TurnEnd.Lost> lost = lost();
        if (lost.isPresent()) {
            return lost.get();
        }
        String id = "m" + ++sent;
        ObjectNode message = JSON.createObjectNode();
        message.put("type", "message").put("id", id).put("text", text);
        if (!write(encode(message))) {
            return awaitClose();
        }
        ObjectNode cancel = JSON.createObjectNode();
        cancel.put("type", "cancel").put("id", id);
        String cancelLine = encode(cancel);
        AtomicLong cancelDeadline = new AtomicLong();
        Cancellation.Registration registration = cancellation.onCancel(() -> {
            cancelDeadline.set(System.nanoTime() + CANCEL_GRACE.toNanos());
            LOG.debug("event=chat.remote.cancel user={} id={}", user, id);
            write(cancelLine);
        });
        try {
            while (true) {
                Event event = events.poll(100, TimeUnit.MILLISECONDS);
                if (event == null) {
                    long deadline = cancelDeadline.get();
                    if (deadline != 0 && System.nanoTime() - deadline > 0) {
                        LOG.debug("event=chat.remote.cancel_unanswered user={} id={}", user, id);
                        return new TurnEnd.Replied(false);
                    }
                    continue;
                }
                Optional<TurnEnd> end = onTurnEvent(id, event, sink);
                if (end.isPresent()) {
                    return end.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write(cancelLine);
            return new TurnEnd.Replied(false);
        } finally {
            registration.close();
        }
    }

    /** Applies one event while message {@code id} waits for its terminal event; the turn's end when it came. */
    private Optional<TurnEnd> onTurnEvent(String id, Event event, TurnSink sink) {
        if (event instanceof Event.Closed) {
            ended = true;
            return Optional.of(new TurnEnd.Lost(notices));
        }
        if (event instanceof Event.Error error && error.id().isEmpty()) {
            if (error.code().equals("too_long") || error.code().equals("bad_request")) {
                // A line error without id: only one message is in flight, so it is about this one.
                return Optional.of(new TurnEnd.Refused(error.code(), error.message(), ""));
            }
            notices.add(error.message());
            return Optional.empty();
        }
        if (!id.equals(event.id().orElse(""))) {
            LOG.debug("event=chat.remote.stale user={}", user);
            return Optional.empty();
        }
        if (event instanceof Event.Safety safety) {
            sink.notice(safety.notice());
        } else if (event instanceof Event.Delta delta) {
            sink.delta(delta.text());
        } else if (event instanceof Event.Queued) {
            sink.queued();
        } else if (event instanceof Event.Done done) {
            return Optional.of(new TurnEnd.Replied(done.complete()));
        } else if (event instanceof Event.Error error) {
            return Optional.of(new TurnEnd.Refused(error.code(), error.message(), ""));
        }
        return Optional.empty();
    }

    @Override
    public Optional<TurnEnd.Lost> lost() {
        Event event;
        while (!ended && (event = events.poll()) != null) {
            if (event instanceof Event.Closed) {
                ended = true;
            } else if (event instanceof Event.Error error && error.id().isEmpty()) {
                notices.add(error.message());
            } else {
                LOG.debug("event=chat.remote.stale user={}", user);
            }
        }
        return ended ? Optional.of(new TurnEnd.Lost(notices)) : Optional.empty();
    }

    /** After a failed write: the reader sees the close shortly; wait briefly for what the server said before it. */
    private TurnEnd awaitClose() {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (!ended && System.nanoTime() - deadline < 0) {
            lost();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ended = true;
        return new TurnEnd.Lost(notices);
    }

    @Override
    public void leave() {
        if (!ended) {
            ObjectNode bye = JSON.createObjectNode();
            bye.put("type", "bye");
            write(encode(bye));
        }
    }

    @Override
    public String logId() {
        return user;
    }

    @Override
    public void close() {
        closeQuietly(socket);
        LOG.info("event=chat.disconnected server={} user={} messages={}", address, user, sent);
    }

    /** Runs on the connection thread until the server closes or the socket is closed. */
    private void readLoop(LineReader reader) {
        try {
            Optional<String> line;
            while ((line = reader.next()).isPresent()) {
                parse(line.get()).flatMap(RemoteChatBackend::toEvent).ifPresent(events::add);
            }
            LOG.debug("event=chat.remote.closed user={}", user);
        } catch (IOException e) {
            LOG.debug(
                    "event=chat.remote.closed user={} error={}",
                    user,
                    e.getClass().getSimpleName());
        } finally {
            events.add(new Event.Closed());
        }
    }

    private boolean write(String line) {
        try {
            writeLine(output, line);
            return true;
        } catch (IOException e) {
            LOG.debug(
                    "event=chat.remote.write_failed user={} error={}",
                    user,
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private static void writeLine(OutputStream output, String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (output) {
            output.write(bytes);
            output.flush();
        }
    }

    private static String encode(ObjectNode frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frame built from strings always encodes", e);
        }
    }

    /** A JSON object with a string {@code type}, or empty (logged without the line). */
    private static Optional<JsonNode> parse(String line) {
        if (line.isBlank() || line.charAt(0) != '{') {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject() && node.path("type").isTextual()) {
                return Optional.of(node);
            }
            LOG.debug("event=chat.remote.malformed chars={} reason=not_a_frame", line.length());
        } catch (JsonProcessingException e) {
            LOG.debug("event=chat.remote.malformed chars={} reason=invalid_json", line.length());
        }
        return Optional.empty();
    }

    private static String type(JsonNode frame) {
        return frame.path("type").asText();
    }

    /** The event a server frame stands for; empty for frames this client does not use (pong, later types). */
    private static Optional<Event> toEvent(JsonNode frame) {
        Optional<String> id =
                frame.path("id").isTextual() ? Optional.of(frame.get("id").asText()) : Optional.empty();
        String type = type(frame);
        switch (type) {
            case "delta":
                return id.isPresent() && frame.path("text").isTextual()
                        ? Optional.of(new Event.Delta(
                                id, Terminal.clean(frame.get("text").asText())))
                        : malformed(type);
            case "done":
                return id.isPresent()
                        ? Optional.of(new Event.Done(id, frame.path("complete").asBoolean(true)))
                        : malformed(type);
            case "queued":
                return id.isPresent() ? Optional.of(new Event.Queued(id)) : malformed(type);
            case "safety":
                // The text already names the lines; the structured resources are for clients that link them.
                String text = frame.path("message").isTextual()
                        ? Terminal.clean(frame.get("message").asText()).strip()
                        : "";
                return id.isPresent() && !text.isEmpty()
                        ? Optional.of(new Event.Safety(id, new Notice(level(frame), text)))
                        : malformed(type);
            case "error":
                String message = frame.path("message").isTextual()
                        ? Terminal.clean(frame.get("message").asText()).strip()
                        : "";
                return Optional.of(new Event.Error(
                        id, safeToken(frame.path("code").asText("")), message.isEmpty() ? ERROR_FALLBACK : message));
            default:
                LOG.debug("event=chat.remote.ignored type={}", safeToken(type));
                return Optional.empty();
        }
    }

    private static String level(JsonNode frame) {
        String level = frame.path("level").asText("");
        return level.matches("none|low|medium|high|imminent") ? level : "none";
    }

    private static Optional<Event> malformed(String type) {
        LOG.debug("event=chat.remote.malformed type={} reason=missing_fields", type);
        return Optional.empty();
    }

    /** A server-chosen name (user, code, type) fit for a log line: short and plain, or {@code other}. */
    private static String safeToken(String value) {
        return value.matches("[A-Za-z0-9_.-]{1,40}") ? value : "other";
    }

    private static CannotConnectException cannotConnect(ServerAddress address, IOException e, Duration timeout) {
        String start = "No pude conectarme con PsicoIA en " + address;
        if (e instanceof UnknownHostException) {
            return new CannotConnectException(
                    start + ": no encuentro el nombre '" + address.host() + "'. Revisá --connect y tu conexión a la"
                            + " red.",
                    e);
        }
        if (e instanceof SocketTimeoutException) {
            return new CannotConnectException(
                    start + ": no respondió en " + timeout.toSeconds() + " segundos. Revisá la dirección, el puerto y"
                            + " que ningún firewall bloquee la conexión.",
                    e);
        }
        if (e instanceof ConnectException) {
            return new CannotConnectException(
                    start + ": nadie está escuchando ahí. Revisá que psicoia app esté en marcha y que el puerto de"
                            + " --connect sea el suyo (5001 por defecto).",
                    e);
        }
        return new CannotConnectException(
                start + " (" + e.getClass().getSimpleName() + "). Revisá --connect y tu conexión a la red.", e);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("event=chat.remote.close_failed error={}", e.getClass().getSimpleName());
        }
    }

    /** What the server said, as the session needs it. */
    private sealed interface Event {
        default Optional<String> id() {
            return Optional.empty();
        }

        record Delta(Optional<String> id, String text) implements Event {
            @Override
            public String toString() {
                return "Delta[chars=" + text.length() + "]";
            }
        }

        record Done(Optional<String> id, boolean complete) implements Event {}

        record Queued(Optional<String> id) implements Event {}

        record Safety(Optional<String> id, Notice notice) implements Event {}

        record Error(Optional<String> id, String code, String message) implements Event {
            @Override
            public String toString() {
                return "Error[code=" + code + ", chars=" + message.length() + "]";
            }
        }

        record Closed() implements Event {}
    }

    /** UTF-8 lines from the socket; a line longer than {@value #MAX_LINE_CHARS} characters is dropped whole. */
    private static final class LineReader {
        private final BufferedReader in;

        LineReader(Socket socket) throws IOException {
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        /** The next line, or empty at the end of the stream. */
        Optional<String> next() throws IOException {
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return Optional.empty();
                }
                if (c == '\n') {
                    if (tooLong) {
                        LOG.debug("event=chat.remote.line_too_long");
                        line.setLength(0);
                        tooLong = false;
                        continue;
                    }
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return Optional.of(line.toString());
                }
                if (!tooLong) {
                    if (line.length() >= MAX_LINE_CHARS) {
                        tooLong = true;
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
            }
        }
    }

    /** Text from the server made safe to print on a terminal: no control characters but line breaks and tabs. */
    static final class Terminal {
        private Terminal() {}

        static String clean(String text) {
            StringBuilder clean = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F);
                if (!control) {
                    clean.append(c);
                }
            }
            return clean.toString();
        }
    }
}
