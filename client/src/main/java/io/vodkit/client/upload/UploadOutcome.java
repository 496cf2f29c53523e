package io.vodkit.client.upload;

import io.vodkit.client.VodException;

/**
 * How one file of a batch went: exactly one of {@code result} and {@code failure} is set; {@code skipped} when the
 * result is the ledger's earlier upload (nothing was sent).
 */
public record UploadOutcome(UploadRequest request, UploadResult result, VodException failure, boolean skipped) {

    public boolean succeeded() {
        return failure == null;
    }
}
