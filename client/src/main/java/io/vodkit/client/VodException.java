package io.vodkit.client;

/** Root of every error the vodkit client throws; the message is meant for the user. */
public class VodException extends RuntimeException {

    public VodException(String message) {
        super(message);
    }

    public VodException(String message, Throwable cause) {
        super(message, cause);
    }
}
