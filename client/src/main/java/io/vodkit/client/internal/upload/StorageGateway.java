package io.vodkit.client.internal.upload;

import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.internal.http.HttpTransport;
import io.vodkit.client.upload.StorageException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The storage upload gateway (spec §6), spoken as the official Java SDK speaks it: every step is a {@code PUT} to
 * {@code <scheme>://<host>/<StoreUri>} with the StoreInfo auth token as {@code Authorization}; the scheme is the
 * OpenAPI endpoint's. Each method makes exactly one request and throws {@link StorageException} on failure.
 */
public final class StorageGateway {

    private final DirectUpload directUpload;
    private final InitMultipartUpload initMultipartUpload;
    private final UploadPart uploadPart;
    private final CompleteMultipartUpload completeMultipartUpload;

    private final RetryPolicy retry;
    private final ListParts listParts;

    /** @param retry how a storage request that failed on every host is tried again (parts are retried alone) */
    public StorageGateway(HttpTransport transport, URI openApiEndpoint, RetryPolicy retry) {
        this.retry = java.util.Objects.requireNonNull(retry, "retry == null");
        GatewayCall call = new GatewayCall(transport, StorageUrls.forEndpoint(openApiEndpoint));
        this.directUpload = new DirectUpload(call);
        this.initMultipartUpload = new InitMultipartUpload(call);
        this.uploadPart = new UploadPart(call);
        this.completeMultipartUpload = new CompleteMultipartUpload(call);
        this.listParts = new ListParts(call);
    }

    /** The retry policy uploads use around host failover. */
    public RetryPolicy retryPolicy() {
        return retry;
    }

    /** Direct upload of a whole (small) file; returns its CRC-32 (8 lowercase hex digits). */
    public String directUpload(StorageTarget target, FileRegion file, TransferControl control) {
        return directUpload.run(target, file, control);
    }

    /** {@code PUT ?uploads}; returns the uploadID. */
    public String initMultipartUpload(StorageTarget target) {
        return initMultipartUpload.run(target);
    }

    /** {@code PUT ?partNumber=<k>&uploadID=<id>} with the part's bytes. */
    public PartReceipt uploadPart(
            StorageTarget target, String uploadId, int partNumber, FileRegion part, TransferControl control) {
        return uploadPart.run(target, uploadId, partNumber, part, control);
    }

    /** {@code PUT ?uploadID=<id>&ObjectContentType=<type>} with the merge body {@code 0:crc,1:crc,…}. */
    public void completeMultipartUpload(
            StorageTarget target, String uploadId, List<String> partCrc32s, String objectContentType) {
        completeMultipartUpload.run(target, uploadId, partCrc32s, objectContentType);
    }

    /** {@code GET ?uploadID=<id>}: the parts the storage already holds, by part number (for resuming). */
    public Map<Integer, StoredPart> listParts(StorageTarget target, String uploadId) {
        return listParts.run(target, uploadId);
    }
}
