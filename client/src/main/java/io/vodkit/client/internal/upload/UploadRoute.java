package io.vodkit.client.internal.upload;

import io.vodkit.client.VodException;
import io.vodkit.client.internal.api.ApplyUploadInfo;
import io.vodkit.client.internal.api.StoreInfo;
import io.vodkit.client.internal.api.UploadAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One way an upload can go: its target object and token, the hosts that reach it, and the SessionKey to commit.
 *
 * @param target     the object, on the first host
 * @param hosts      every host for {@link HostFailover}, in the order given
 * @param sessionKey what CommitUploadInfo gets when the bytes went this way
 */
public record UploadRoute(StorageTarget target, List<String> hosts, String sessionKey) {

    public UploadRoute {
        Objects.requireNonNull(target, "target == null");
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no upload hosts");
        }
    }

    /**
     * The routes of an ApplyUploadInfo answer, in the order the official skill tries them (spec §5.3): the
     * {@code CandidateUploadAddresses} (Main, then Backup, then Fallback) when there are any, else the
     * {@code UploadAddress}. Consecutive addresses naming the same upload (StoreUri, Auth, SessionKey) are one route
     * whose hosts are all tried request by request; another route is a fresh upload, taken only when every host of
     * the one before failed.
     *
     * @throws VodException when no address has a StoreInfo and an upload host
     */
    public static List<UploadRoute> of(UploadAddress address) {
        List<UploadAddress> addresses = address.candidates().stream()
                .filter(a -> !a.storeInfos().isEmpty() && !a.uploadHosts().isEmpty())
                .toList();
        if (addresses.isEmpty()) {
            if (address.storeInfos().isEmpty()) {
                throw new VodException(ApplyUploadInfo.ACTION + " returned no StoreInfos");
            }
            if (address.uploadHosts().isEmpty()) {
                throw new VodException(ApplyUploadInfo.ACTION + " returned no UploadHosts");
            }
            addresses = List.of(address);
        }
        List<UploadRoute> routes = new ArrayList<>();
        for (UploadAddress next : addresses) {
            StoreInfo store = next.storeInfos().get(0);
            UploadRoute last = routes.isEmpty() ? null : routes.get(routes.size() - 1);
            if (last != null
                    && last.target().storeUri().equals(store.storeUri())
                    && last.target().auth().equals(store.auth())
                    && last.sessionKey().equals(next.sessionKey())) {
                LinkedHashSet<String> hosts = new LinkedHashSet<>(last.hosts());
                hosts.addAll(next.uploadHosts());
                routes.set(routes.size() - 1, new UploadRoute(last.target(), List.copyOf(hosts), last.sessionKey()));
            } else {
                routes.add(new UploadRoute(
                        new StorageTarget(
                                next.uploadHosts().get(0), store.storeUri(), store.auth(), next.uploadHeaders()),
                        List.copyOf(new LinkedHashSet<>(next.uploadHosts())),
                        next.sessionKey()));
            }
        }
        return List.copyOf(routes);
    }
}
