package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.GatewayPayloads;
import io.vodkit.emulator.internal.service.MultipartUploads;
import java.io.IOException;

/** {@code PUT /<StoreUri>?uploads}: starts a multipart upload ({@code X-Storage-Mode: gateway} is not required). */
final class InitUploadStep implements GatewayStep {
    private final MultipartUploads uploads;

    InitUploadStep(MultipartUploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public Object handle(GatewayRequest request) throws IOException {
        return new GatewayPayloads.InitUpload(uploads.init(request.claims()));
    }
}
