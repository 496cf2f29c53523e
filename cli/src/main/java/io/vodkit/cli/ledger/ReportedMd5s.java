package io.vodkit.cli.ledger;

import io.vodkit.client.media.MediaInfo;
import io.vodkit.client.media.MediaManager;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The MD5 the service reports for media it holds. An upload is recorded with the MD5 its commit reported, and a
 * multipart upload's commit may report none (the service, and the local emulator, compute it after the commit), so
 * the ledger asks for it here, later, and only when a file of the same size makes the answer matter.
 */
@FunctionalInterface
public interface ReportedMd5s {

    /**
     * @return the MD5 (32 lowercase hex digits) of {@code vid}'s source file; empty when the service has no such
     *     media or reports no MD5 for it
     * @throws io.vodkit.client.VodException when the service cannot be asked
     */
    Optional<String> of(String vid);

    /** Asks GetMediaInfos. */
    static ReportedMd5s askGetMediaInfos(MediaManager media) {
        Objects.requireNonNull(media, "media == null");
        return vid -> media.infos(List.of(vid)).media().stream()
                .map(MediaInfo::md5)
                .filter(ReportedMd5s::isMd5)
                .map(md5 -> md5.toLowerCase(Locale.ROOT))
                .findFirst();
    }

    /** Whether {@code text} is an MD5 in hex. */
    static boolean isMd5(String text) {
        return text != null && text.matches("[0-9a-fA-F]{32}");
    }
}
