package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.GatewayPayloads;
import io.vodkit.emulator.internal.service.MultipartUploads;
import java.io.IOException;

/** {@code GET /<StoreUri>?uploadID=U}: the parts received so far, so a client can resume. */
final class ListPartsStep implements GatewayStep {
    private final MultipartUploads uploads;

    ListPartsStep(MultipartUploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public Object handle(GatewayRequest request) throws IOException {
        String uploadId = request.query().first("uploadID").orElse("");
        return new GatewayPayloads.PartList(
                uploadId,
                uploads.listParts(request.claims(), uploadId).stream()
                        .map(p -> new GatewayPayloads.PartList.Part(p.partNumber(), p.crc32(), p.size()))
                        .toList());
    }
}
