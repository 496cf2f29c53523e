package io.vodkit.client.internal.api;

import java.util.List;

/**
 * {@code Result.Data.UploadAddress} of ApplyUploadInfo (spec §5.2).
 *
 * @param candidates the {@code CandidateUploadAddresses} a {@code NeedFallback} request may get (spec §5.2, §5.3), in
 *                   the order clients try them: Main, then Backup, then Fallback; empty when there were none
 */
public record UploadAddress(
        List<StoreInfo> storeInfos,
        List<String> uploadHosts,
        List<UploadHeader> uploadHeaders,
        String sessionKey,
        List<UploadAddress> candidates) {

    public UploadAddress {
        storeInfos = List.copyOf(storeInfos);
        uploadHosts = List.copyOf(uploadHosts);
        uploadHeaders = List.copyOf(uploadHeaders);
        candidates = List.copyOf(candidates);
    }

    /** An address without candidates. */
    public UploadAddress(
            List<StoreInfo> storeInfos, List<String> uploadHosts, List<UploadHeader> uploadHeaders, String sessionKey) {
        this(storeInfos, uploadHosts, uploadHeaders, sessionKey, List.of());
    }
}
