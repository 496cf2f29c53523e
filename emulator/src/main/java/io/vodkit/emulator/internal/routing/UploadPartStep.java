package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.GatewayPayloads;
import io.vodkit.emulator.internal.db.MultipartPart;
import io.vodkit.emulator.internal.service.ExpectedCrc;
import io.vodkit.emulator.internal.service.MultipartUploads;
import java.io.IOException;

/** {@code PUT /<StoreUri>?partNumber=N&uploadID=U}: one part; the reply's etag is the part's CRC32. */
final class UploadPartStep implements GatewayStep {
    private final MultipartUploads uploads;

    UploadPartStep(MultipartUploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public Object handle(GatewayRequest request) throws IOException {
        ExpectedCrc expected = ExpectedCrc.parse(request.header().apply("Content-CRC32"));
        String uploadId = request.query().first("uploadID").orElse("");
        MultipartPart part = uploads.putPart(
                request.claims(),
                uploadId,
                request.query().first("partNumber").orElse(""),
                request.body(),
                expected,
                request.contentLength());
        return new GatewayPayloads.UploadPart(
                uploadId,
                String.valueOf(part.partNumber()),
                part.crc32(),
                part.crc32(),
                new GatewayPayloads.UploadPart.Meta(part.contentType()));
    }
}
