package io.vodkit.emulator.internal.db;

/** A SQLite failure; unexpected by design, so the HTTP layer reports it as an internal error. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
