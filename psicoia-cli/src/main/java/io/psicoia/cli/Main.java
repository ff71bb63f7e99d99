package io.psicoia.cli;

import java.nio.file.Path;

/** Entry point of the runnable jar. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = PsicoiaCommand.runWithDotEnv(args, Console.system(), System.getenv(), Path.of(".env"));
        System.exit(code);
    }
}
