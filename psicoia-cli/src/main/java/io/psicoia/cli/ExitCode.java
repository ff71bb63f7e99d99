package io.psicoia.cli;

/** The process exit codes PsicoIA documents. */
final class ExitCode {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int CANNOT_BIND_OR_CONNECT = 3;
    static final int INTERNAL = 4;

    private ExitCode() {}
}
