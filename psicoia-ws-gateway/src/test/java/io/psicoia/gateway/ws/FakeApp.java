package io.psicoia.gateway.ws;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted stand-in for {@code psicoia app} on a loopback port: greets each connection with three plain lines,
 * answers a JSON hello with {@code welcome}, and otherwise records every line; the test writes lines and closes the
 * connection at will. In refusing mode it sends one plain line and closes, as the real app's connection caps do.
 */
final class FakeApp implements AutoCloseable {

    /** One accepted connection. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        volatile boolean closedByPeer;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void send(String line) {
            try {
                out.write((line + "\n").getBytes(UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next line the gateway sent, within 5 s. */
        String line() throws InterruptedException {
            String line = received.poll(5, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the gateway sent no line to the app");
            }
            return line;
        }

        /** The next line the gateway sent, if one comes within {@code millis}. */
        java.util.Optional<String> lineWithin(long millis) throws InterruptedException {
            return java.util.Optional.ofNullable(received.poll(millis, TimeUnit.MILLISECONDS));
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Socket socket() {
            return socket;
        }
    }

    private final ServerSocket server;
    private final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
    private volatile String refusal;

    FakeApp() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "fake-app-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** From now on every connection gets {@code line} and is closed. */
    void refuseWith(String line) {
        refusal = line;
    }

    /** The next connection the gateway opened, within 5 s. */
    Connection connection() throws InterruptedException {
        Connection connection = connections.poll(5, TimeUnit.SECONDS);
        if (connection == null) {
            throw new AssertionError("the gateway opened no connection to the app");
        }
        return connection;
    }

    /** Whether a connection arrives within {@code millis}. */
    boolean connectionWithin(long millis) throws InterruptedException {
        return connections.poll(millis, TimeUnit.MILLISECONDS) != null;
    }

    private void accept() {
        int users = 0;
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                users++;
                Connection connection = new Connection(socket);
                String refused = refusal;
                if (refused != null) {
                    connection.send(refused);
                    connection.close();
                    connections.add(connection);
                    continue;
                }
                try {
                    connection.send("Usuario-" + users + " conectado.");
                    connection.send("Bienvenido a PsicoIA.");
                    connection.send("Contame cómo te sentís hoy. Escribí 'salir' para cerrar.");
                } catch (UncheckedIOException e) {
                    continue; // a health probe that hung up at once
                }
                connections.add(connection);
                String user = "Usuario-" + users;
                Thread reader = new Thread(() -> read(connection, user), "fake-app-read");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void read(Connection connection, String user) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.socket.getInputStream(), UTF_8))) {
            boolean welcomed = false;
            for (String line; (line = in.readLine()) != null; ) {
                connection.received.add(line);
                if (!welcomed && line.contains("\"hello\"")) {
                    welcomed = true;
                    connection.send("{\"type\":\"welcome\",\"user\":\"" + user
                            + "\",\"limits\":{\"maxChars\":4000,\"rateMaxMessages\":6,\"rateWindowSeconds\":10}}");
                }
            }
            connection.closedByPeer = true;
        } catch (SocketException e) {
            connection.closedByPeer = true;
        } catch (IOException e) {
            connection.closedByPeer = true;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Connection connection; (connection = connections.poll()) != null; ) {
            connection.close();
        }
    }
}
