package io.vodkit.client.http;

import io.vodkit.client.VodException;

/** No usable HTTP reply: the connection failed, broke, or timed out. Worth trying again elsewhere. */
public final class TransportException extends VodException {

  private final String reason;

  /**
   * @param what   the call, e.g. {@code ListDomain}
   * @param reason what went wrong, e.g. {@code cannot connect to host:443 (connection refused)}
   */
  public TransportException(String what, String reason, Throwable cause) {
    super(what + ": " + reason, cause);
    this.reason = reason;
  }

  /** The failure without the call name. */
  public String reason() {
    return reason;
  }
}
