package io.vodkit.client.api;

import java.util.List;

/** {@code Result.Data.UploadAddress} of ApplyUploadInfo (spec §5.2). */
public record UploadAddress(List<StoreInfo> storeInfos, List<String> uploadHosts, List<UploadHeader> uploadHeaders,
                            String sessionKey) {

  public UploadAddress {
    storeInfos = List.copyOf(storeInfos);
    uploadHosts = List.copyOf(uploadHosts);
    uploadHeaders = List.copyOf(uploadHeaders);
  }
}
