package io.vodkit.client.upload;

/**
 * What a body-sending storage request reports to and asks of its caller. Called from HTTP threads.
 */
public interface TransferControl {

  /** Counts nothing and never cancels. */
  TransferControl NONE = new TransferControl() {
    @Override
    public void onBytesSent(long bytes) {
    }

    @Override
    public boolean cancelled() {
      return false;
    }
  };

  /** {@code bytes} more body bytes were handed to the network. */
  void onBytesSent(long bytes);

  /** When {@code true}, the body stops and the request fails (another part of the upload already failed). */
  boolean cancelled();
}
