package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.api.GatewayError;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.security.UploadTokenClaims;
import io.vodkit.emulator.internal.storage.BodyTooLargeException;
import io.vodkit.emulator.internal.storage.ContentTypeSniffer;
import io.vodkit.emulator.internal.storage.ObjectStore;
import io.vodkit.emulator.internal.storage.StagedFile;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/** The single-request upload ({@code PUT /<StoreUri>} with {@code Content-CRC32}, spec §6.3). */
public final class DirectUploads {
    private final ObjectStore store;
    private final ObjectPublisher publisher;
    private final Ids ids;

    public DirectUploads(ObjectStore store, ObjectPublisher publisher, Ids ids) {
        this.store = store;
        this.publisher = publisher;
        this.ids = ids;
    }

    /**
     * Streams the body to a staged file while computing CRC32 and MD5, checks the CRC, then publishes.
     * On any failure nothing is stored.
     */
    public StoredObject put(
            UploadTokenClaims claims, ReadableByteChannel body, ExpectedCrc expected, long contentLength)
            throws IOException {
        publisher.checkOwner(claims.spaceName(), claims.storeUri());
        if (contentLength > Limits.MAX_PART_BYTES) {
            throw GatewayError.ENTITY_TOO_LARGE.exception(Limits.MAX_PART_BYTES);
        }
        String objectId = ids.objectId();
        StagedFile staged;
        try {
            staged = store.receive(objectId, body, Limits.MAX_PART_BYTES);
        } catch (BodyTooLargeException e) {
            throw GatewayError.ENTITY_TOO_LARGE.exception(e.limitBytes());
        }
        if (!expected.matches(staged.checksums().crc32())) {
            staged.discard();
            throw GatewayError.CRC_MISMATCH.exception(
                    expected.crc32(), staged.checksums().crc32());
        }
        String contentType = ContentTypeSniffer.sniff(staged.checksums().head(), Spaces.fileNameOf(claims.storeUri()));
        return publisher.publish(claims.spaceName(), claims.storeUri(), objectId, staged, contentType);
    }
}
