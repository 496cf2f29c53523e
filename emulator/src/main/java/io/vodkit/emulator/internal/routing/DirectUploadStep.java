package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.GatewayPayloads;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.service.DirectUploads;
import io.vodkit.emulator.internal.service.ExpectedCrc;
import io.vodkit.emulator.internal.service.ServerStats;
import java.io.IOException;

/** {@code PUT /<StoreUri>} with {@code Content-CRC32}: the whole object in one request. */
final class DirectUploadStep implements GatewayStep {
    private final DirectUploads uploads;
    private final ServerStats stats;

    DirectUploadStep(DirectUploads uploads, ServerStats stats) {
        this.uploads = uploads;
        this.stats = stats;
    }

    @Override
    public Object handle(GatewayRequest request) throws IOException {
        ExpectedCrc expected = ExpectedCrc.parse(request.header().apply("Content-CRC32"));
        stats.directUploadStarted();
        try {
            StoredObject object = uploads.put(request.claims(), request.body(), expected, request.contentLength());
            return new GatewayPayloads.StoredObject(object.crc32(), object.fileName());
        } finally {
            stats.directUploadFinished();
        }
    }
}
