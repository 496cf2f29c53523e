package io.vodkit.client.http;

import io.vodkit.client.VodException;

/** No usable HTTP reply: the connection failed, broke, or timed out. Worth trying again elsewhere. */
public final class TransportException extends VodException {

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
