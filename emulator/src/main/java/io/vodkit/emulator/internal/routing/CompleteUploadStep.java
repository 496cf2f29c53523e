package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.GatewayError;
import io.vodkit.emulator.internal.api.GatewayPayloads;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.service.MultipartUploads;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;

/** {@code PUT /<StoreUri>?uploadID=U[&ObjectContentType=…]} with body {@code idx:crc,…}: merges the parts. */
final class CompleteUploadStep implements GatewayStep {
    /** 10 000 entries of {@code nnnnn:xxxxxxxx,} fit easily. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final MultipartUploads uploads;

    CompleteUploadStep(MultipartUploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public Object handle(GatewayRequest request) throws IOException {
        byte[] body = Channels.newInputStream(request.body()).readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw GatewayError.INVALID_MERGE_BODY.exception("larger than " + MAX_BODY_BYTES + " bytes");
        }
        StoredObject object = uploads.complete(
                request.claims(),
                request.query().first("uploadID").orElse(""),
                new String(body, StandardCharsets.UTF_8),
                request.query().first("ObjectContentType").orElse(null));
        return new GatewayPayloads.StoredObject(object.crc32(), object.fileName());
    }
}
