package io.vodkit.client.upload;

import java.util.Optional;

/**
 * Remembers finished uploads, so that a batch skips files already uploaded to the same space of the same service.
 * Called from upload threads, several at once; implementations are thread-safe.
 */
public interface UploadLedger {

    /**
     * The earlier upload of {@code request}'s file (same content, same space), if there is one; the file is then not
     * uploaded again.
     *
     * @throws io.vodkit.client.VodException when the file cannot be read; the file then fails
     */
    Optional<UploadResult> find(UploadRequest request);

    /** Remembers that {@code request}'s file was uploaded as {@code result}; reports its own failures, never throws. */
    void record(UploadRequest request, UploadResult result);

    /** The upload of {@code request}'s file (found not uploaded before) failed; never throws. */
    void failed(UploadRequest request);
}
