package io.vodkit.client.upload;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What it takes to resume an interrupted multipart upload, kept on disk by {@link UploadCheckpoints}: the file's
 * identity (so a changed file starts fresh), where it goes, the storage session, and each finished part's CRC.
 *
 * @param file           absolute path
 * @param size           bytes
 * @param modifiedMillis last-modified time
 * @param sampleSha256   SHA-256 of samples from the start, middle and end of the file
 * @param endpoint       OpenAPI endpoint
 * @param partSizeBytes  part size of the plan
 * @param auth           the upload token (a secret: never printed; the file is readable by its owner only)
 * @param objectContentType what the storage answered to part 1 (sent again at the merge)
 * @param partCrcs       finished parts: part number → CRC-32
 * @param merged         the storage merged every part into the object: only CommitUploadInfo is left to do
 */
public record UploadCheckpoint(String file, long size, long modifiedMillis, String sampleSha256, String endpoint,
                               String spaceName, long partSizeBytes, String storeUri, String auth,
                               List<String> uploadHosts, String sessionKey, String uploadId,
                               String objectContentType, Map<Integer, String> partCrcs, boolean merged) {

  public UploadCheckpoint {
    uploadHosts = List.copyOf(uploadHosts);
    partCrcs = Map.copyOf(partCrcs);
  }

  /** This file's identity with the storage session an upload just opened. */
  public UploadCheckpoint started(String storeUri, String auth, List<String> uploadHosts, String sessionKey,
                                  String uploadId) {
    return new UploadCheckpoint(file, size, modifiedMillis, sampleSha256, endpoint, spaceName, partSizeBytes,
        storeUri, auth, uploadHosts, sessionKey, uploadId, objectContentType, Map.of(), false);
  }

  /** This checkpoint with {@code part} recorded as finished. */
  public UploadCheckpoint withPart(PartReceipt part) {
    Map<Integer, String> parts = new TreeMap<>(partCrcs);
    parts.put(part.partNumber(), part.crc32());
    return new UploadCheckpoint(file, size, modifiedMillis, sampleSha256, endpoint, spaceName, partSizeBytes,
        storeUri, auth, uploadHosts, sessionKey, uploadId,
        part.partNumber() == 1 ? part.objectContentType() : objectContentType, parts, false);
  }

  /** This checkpoint with its parts {@code confirmed} by the storage (the others are to be sent again). */
  public UploadCheckpoint withParts(Map<Integer, String> confirmed) {
    return new UploadCheckpoint(file, size, modifiedMillis, sampleSha256, endpoint, spaceName, partSizeBytes,
        storeUri, auth, uploadHosts, sessionKey, uploadId, objectContentType, confirmed, false);
  }

  /** This checkpoint once the storage merged the parts. */
  public UploadCheckpoint asMerged() {
    return new UploadCheckpoint(file, size, modifiedMillis, sampleSha256, endpoint, spaceName, partSizeBytes,
        storeUri, auth, uploadHosts, sessionKey, uploadId, objectContentType, partCrcs, true);
  }

  /** Whether this checkpoint describes the same bytes, destination and plan. */
  public boolean matches(UploadCheckpoint fresh) {
    return file.equals(fresh.file) && size == fresh.size && modifiedMillis == fresh.modifiedMillis
        && sampleSha256.equals(fresh.sampleSha256) && endpoint.equals(fresh.endpoint)
        && spaceName.equals(fresh.spaceName) && partSizeBytes == fresh.partSizeBytes;
  }

  @Override
  public String toString() {
    return "UploadCheckpoint[file=" + file + ", storeUri=" + storeUri + ", uploadId=" + uploadId + ", parts="
        + partCrcs.keySet() + ", merged=" + merged + ", auth=██]";
  }
}
