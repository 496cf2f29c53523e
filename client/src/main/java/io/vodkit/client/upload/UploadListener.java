package io.vodkit.client.upload;

/**
 * Receives upload progress. Called from upload threads, possibly concurrently and not strictly in order; it should
 * return quickly and must not block. Anything it throws is logged and ignored.
 */
@FunctionalInterface
public interface UploadListener {

    /** A listener that ignores everything. */
    UploadListener NONE = progress -> {};

    void onProgress(UploadProgress progress);
}
