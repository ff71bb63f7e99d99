package io.psicoia.cli;

/** Entry point of the runnable jar. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = PsicoiaCommand.run(args, Console.system(), System.getenv());
        System.exit(code);
    }
}
