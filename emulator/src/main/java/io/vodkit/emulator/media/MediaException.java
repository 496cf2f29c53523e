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
}
