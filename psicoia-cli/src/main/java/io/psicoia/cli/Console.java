package io.psicoia.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The standard streams, handed to commands so that they are the only code that touches them (and so tests can swap
 * them). {@code interactive} is true when a person is at a terminal on both ends.
 */
record Console(InputStream in, PrintStream out, PrintStream err, boolean interactive) {

    static Console system() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        return new Console(System.in, out, err, System.console() != null);
    }
}
