package io.vodkit.emulator.internal.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.GetPlayInfoResult;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.db.MediaRecord;
import io.vodkit.emulator.internal.db.MediaRepository;
import io.vodkit.emulator.internal.service.Ids;
import io.vodkit.emulator.internal.service.ObjectMd5s;
import io.vodkit.emulator.internal.service.PlayDomain;
import io.vodkit.emulator.internal.service.Spaces;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * GetPlayInfo (spec §10.2): one {@code PlayInfoList} entry, the original file, with type-A signed URLs on the play
 * domain (master key for MainPlayUrl, backup key for BackupPlayUrl), over the emulator's scheme. Only published
 * media has play URLs. {@code Ssl=1} asks for https URLs: an emulator serving plain HTTP cannot give working ones and
 * refuses it (400 InvalidParameter, naming {@code vodkit serve --tls}) rather than answering {@code http://}. The
 * filter parameters (Format, Codec, Definition, …) are accepted and ignored.
 */
public record GetPlayInfoHandler(MediaRepository media, ObjectMd5s md5s, PlayDomain playDomain, Ids ids, Clock clock)
        implements ActionHandler {
    /** {@code Status} of playable media. */
    static final int STATUS_NORMAL = 10;

    @Override
    public Object handle(Params params) {
        String vid = params.requireText("Vid");
        String ssl = params.text("Ssl").orElse("0");
        if (!ssl.equals("0") && !ssl.equals("1")) {
            throw ApiError.INVALID_PARAMETER.exception("Ssl", ssl, "must be 0 or 1");
        }
        if (ssl.equals("1") && playDomain.certificateExpiry().isEmpty()) {
            throw ApiError.INVALID_PARAMETER.exception(
                    "Ssl",
                    ssl,
                    "this emulator serves plain HTTP, so it has no "
                            + "https play URLs; serve it with `vodkit serve --tls`, or leave Ssl out");
        }
        MediaRecord found = media.find(vid).orElseThrow(() -> ApiError.MEDIA_NOT_FOUND.exception(vid));
        if (!media.publishStatus(vid).orElse("").equals(MediaRepository.PUBLISHED)) {
            throw ApiError.MEDIA_NOT_PUBLISHED.exception(vid);
        }
        ObjectNode source = sourceInfo(found);
        md5s.fill(source, found.fileName(), true);
        Instant now = clock.instant();
        String fileType = source.path("FileType").asText("video");
        Double duration = source.has("Duration") ? source.get("Duration").asDouble() : null;
        GetPlayInfoResult.PlayInfo info = new GetPlayInfoResult.PlayInfo(
                source.path("FileId").asText(""),
                source.path("Md5").asText(""),
                fileType,
                source.path("Format").asText(""),
                source.path("Codec").asText(""),
                source.path("Definition").asText(""),
                playDomain.signedUrl(found.fileName(), now, ids.urlAuthRand(), false),
                playDomain.signedUrl(found.fileName(), now, ids.urlAuthRand(), true),
                source.has("Bitrate") ? source.get("Bitrate").asLong() : null,
                source.has("Width") ? source.get("Width").asInt() : null,
                source.has("Height") ? source.get("Height").asInt() : null,
                source.path("Size").asLong(),
                duration);
        String posterUrl = found.posterUri().isEmpty()
                ? ""
                : playDomain.signedUrl(Spaces.fileNameOf(found.posterUri()), now, ids.urlAuthRand(), false);
        return new GetPlayInfoResult(
                vid, STATUS_NORMAL, posterUrl, duration == null ? 0 : duration, fileType, 1, List.of(info));
    }

    private static ObjectNode sourceInfo(MediaRecord media) {
        try {
            return (ObjectNode) Json.parse(media.sourceInfoJson());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored SourceInfo of " + media.vid() + " is unreadable", e);
        }
    }
}
