package io.psicoia.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the psicoia command in this JVM with given input and environment, capturing what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String stdin, Map<String, String> environment, String... args) {
        return run(stdin, console -> PsicoiaCommand.run(args, console, environment));
    }

    /** As the jar runs: the environment completed by the {@code .env} file at {@code dotEnv}. */
    static CliRun withDotEnv(Map<String, String> environment, java.nio.file.Path dotEnv, String... args) {
        return run("", console -> PsicoiaCommand.runWithDotEnv(args, console, environment, dotEnv));
    }

    private static CliRun run(String stdin, java.util.function.ToIntFunction<Console> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int code = command.applyAsInt(console);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
