package io.vodkit.client.internal.upload;

/**
 * What a body-sending storage request reports to and asks of its caller. Called from HTTP threads.
 */
public interface TransferControl {

    /** {@code bytes} more body bytes were handed to the network. */
    void onBytesSent(long bytes);

    /** When {@code true}, the body stops and the request fails (another part of the upload already failed). */
    boolean cancelled();
}
