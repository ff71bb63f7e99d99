package io.psicoia.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Where a terminal chat reads what the person writes. */
interface LineSource extends AutoCloseable {

    /** The next line, or empty when the person is done (end of input, Ctrl-D, Ctrl-C at the prompt). */
    Optional<String> readLine(String prompt);

    /** Sets what Ctrl-C does while a reply is being written; null restores the default. */
    default void onInterrupt(Runnable handler) {}

    @Override
    default void close() {}

    /** Lines from a pipe or file, UTF-8, no prompt and no echo. */
    static LineSource of(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return prompt -> {
            try {
                return Optional.ofNullable(reader.readLine());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
