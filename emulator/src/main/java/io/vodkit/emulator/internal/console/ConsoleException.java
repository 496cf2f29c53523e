package io.vodkit.emulator.internal.console;

/** A console API refusal with its HTTP status, answered as {@code {"error": …}}. */
final class ConsoleException extends RuntimeException {
    final int status;

    ConsoleException(int status, String message) {
        super(message);
        this.status = status;
    }
}
