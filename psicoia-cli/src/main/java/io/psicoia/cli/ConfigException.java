package io.psicoia.cli;

/** A setting has a value PsicoIA cannot use; the message is one Spanish line naming the flag and the variable. */
final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }
}
