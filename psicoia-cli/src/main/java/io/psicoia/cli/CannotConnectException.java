package io.psicoia.cli;

/** A port could not be bound or a peer could not be reached; the message is one Spanish line. */
final class CannotConnectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CannotConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
