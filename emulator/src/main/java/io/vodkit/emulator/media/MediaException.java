package io.vodkit.emulator.media;

/** A media tool could not be started, failed, timed out, or produced output that cannot be used. */
public class MediaException extends Exception {

    private static final long serialVersionUID = 1L;

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message's first line (ffmpeg's output can follow it), marked with " …" when more was cut. */
    public String firstLine() {
        String text = getMessage() == null ? "" : getMessage().strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " …";
    }
}
