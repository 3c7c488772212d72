package io.hotelkit.server;

/**
 * The server cannot start as configured: its message is one line for the operator, saying what is wrong
 * and which setting to change. {@link Main} prints it and exits with a non-zero status.
 */
final class StartupException extends RuntimeException {

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
