package io.vodkit.client.internal.upload;

import io.vodkit.client.upload.GatewayStep;
import java.util.Map;

/**
 * Direct (single) upload, spec §6.3: {@code PUT /<StoreUri>} with {@code Content-CRC32} of the whole file and the
 * UploadHeader pairs, the file as the body.
 */
public final class DirectUpload {

    private final GatewayCall gateway;

    public DirectUpload(GatewayCall gateway) {
        this.gateway = gateway;
    }

    /** Uploads {@code file} and returns its CRC-32 (8 lowercase hex digits). */
    public String run(StorageTarget target, FileRegion file, TransferControl control) {
        String crc32 = RegionCrc32.ofBody(GatewayStep.DIRECT_UPLOAD, 0, target, file);
        gateway.putFile(
                GatewayStep.DIRECT_UPLOAD,
                0,
                target,
                "",
                Map.of("Content-CRC32", crc32),
                target.uploadHeaders(),
                file,
                control);
        return crc32;
    }
}
