package io.psicoia.gateway.ws;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket, for what a well-behaved client library will not send: hand-built masked
 * frames (any opcode, RSV bits, fragments, bad UTF-8, oversize), and exact reading of what the server sends back,
 * Close frames counted. Every read has a deadline.
 */
final class RawWsClient implements AutoCloseable {

    /** One frame from the server. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        boolean isClose() {
            return opcode == 0x8;
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }

        String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, UTF_8) : "";
        }

        String text() {
            return new String(payload, UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String responseHead;

    private RawWsClient(Socket socket, DataInputStream in, OutputStream out, String responseHead) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.responseHead = responseHead;
    }

    /** Opens a WebSocket at {@code /ws}, with {@code origin} when given; check {@link #status()}. */
    static RawWsClient connect(int port, String origin) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
            String key = Base64.getEncoder().encodeToString(new byte[16]);
            String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(UTF_8));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(UTF_8).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return new RawWsClient(socket, in, out, head.toString(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP status of the handshake answer (101 when upgraded). */
    int status() {
        String[] first = responseHead.split("\r\n", 2)[0].split(" ");
        return first.length > 1 ? Integer.parseInt(first[1]) : -1;
    }

    RawWsClient text(String text) {
        return frame(true, 0x1, text.getBytes(UTF_8));
    }

    RawWsClient frame(boolean fin, int opcode, byte[] payload) {
        return frame(fin ? 0x80 | opcode : opcode, payload);
    }

    /** Sends a frame with the first byte as given (FIN, RSV, opcode), masked as a client must. */
    RawWsClient frame(int firstByte, byte[] payload) {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(firstByte);
            int length = payload.length;
            if (length < 126) {
                frame.write(0x80 | length);
            } else if (length <= 0xffff) {
                frame.write(0x80 | 126);
                frame.write(length >>> 8);
                frame.write(length & 0xff);
            } else {
                frame.write(0x80 | 127);
                frame.write(ByteBuffer.allocate(8).putLong(length).array());
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.write(mask);
            byte[] masked = new byte[length];
            for (int i = 0; i < length; i++) {
                masked[i] = (byte) (payload[i] ^ mask[i % 4]);
            }
            frame.write(masked);
            out.write(frame.toByteArray());
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends raw bytes as they are. */
    RawWsClient raw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame, or empty when the server closed the connection; fails after {@code millis} of silence. */
    Optional<Frame> next(int millis) {
        try {
            socket.setSoTimeout(millis);
            int b0;
            try {
                b0 = in.readUnsignedByte();
            } catch (EOFException e) {
                return Optional.empty();
            }
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            return Optional.of(new Frame((b0 & 0x80) != 0, b0 & 0x0f, payload));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no frame and no close within " + millis + " ms");
        } catch (IOException e) {
            // reset by the server: the connection is gone
            return Optional.empty();
        }
    }

    /**
     * Reads until the server closes the TCP connection, within {@code millis}: every frame received, so a test can
     * check there was exactly one Close and it was the last frame.
     */
    List<Frame> untilClosed(int millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        List<Frame> frames = new ArrayList<>();
        while (true) {
            int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
            Optional<Frame> frame = next(left);
            if (frame.isEmpty()) {
                return frames;
            }
            frames.add(frame.get());
        }
    }

    /** The only Close frame among {@code frames}; fails when there is none or more than one. */
    static Frame onlyClose(List<Frame> frames) {
        List<Frame> closes = frames.stream().filter(Frame::isClose).toList();
        if (closes.size() != 1) {
            throw new AssertionError("expected exactly one Close frame, got " + closes.size() + ": " + frames);
        }
        return closes.get(0);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
