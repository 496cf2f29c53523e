package io.vodkit.client.media;

/** Told how far a download got; called on the downloading thread. */
@FunctionalInterface
public interface DownloadListener {
    DownloadListener NONE = (done, total) -> {};

    /** {@code total} is -1 until the reply says how large the file is. */
    void onProgress(long bytesDone, long total);
}
