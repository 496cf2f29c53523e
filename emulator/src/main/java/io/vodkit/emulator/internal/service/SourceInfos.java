package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.api.AudioStreamMeta;
import io.vodkit.emulator.internal.api.SourceInfo;
import io.vodkit.emulator.internal.api.VideoStreamMeta;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.media.AudioStreamInfo;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.VideoStreamInfo;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Builds {@code SourceInfo} (spec §7.3) from a stored object and, when available, its ffprobe result. */
public final class SourceInfos {
    private static final String STORAGE_CLASS = "STANDARD";

    private SourceInfos() {}

    public static SourceInfo of(StoredObject object, Optional<ProbeResult> probe) {
        String createTime = object.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
        if (probe.isEmpty()) {
            return new SourceInfo(
                    object.objectId(),
                    object.md5(),
                    fileTypeOf(object.contentType()),
                    null,
                    null,
                    null,
                    null,
                    null,
                    object.size(),
                    object.storeUri(),
                    null,
                    null,
                    null,
                    createTime,
                    STORAGE_CLASS,
                    object.fileName(),
                    null,
                    null);
        }
        ProbeResult p = probe.get();
        VideoStreamInfo video = p.video();
        String fileType = video != null ? "video" : p.audio() != null ? "audio" : fileTypeOf(object.contentType());
        String codec =
                video != null ? video.codec() : p.audio() != null ? p.audio().codec() : null;
        long bitRate = p.bitRate() > 0 ? p.bitRate() : video != null ? video.bitRate() : 0;
        return new SourceInfo(
                object.objectId(),
                object.md5(),
                fileType,
                codec,
                video == null ? null : video.height(),
                video == null ? null : video.width(),
                format(p.formatName(), object.fileName()),
                p.durationSeconds(),
                object.size(),
                object.storeUri(),
                video == null ? null : definition(video.width(), video.height()),
                kbps(bitRate),
                video == null ? null : video.fps(),
                createTime,
                STORAGE_CLASS,
                object.fileName(),
                videoMeta(p),
                audioMeta(p));
    }

    /** The video stream's meta; null without a video stream. */
    public static VideoStreamMeta videoMeta(ProbeResult p) {
        VideoStreamInfo video = p.video();
        return video == null
                ? null
                : new VideoStreamMeta(
                        video.codec(),
                        video.width(),
                        video.height(),
                        p.durationSeconds(),
                        definition(video.width(), video.height()),
                        kbps(video.bitRate() > 0 ? video.bitRate() : p.bitRate()),
                        video.fps());
    }

    /** The audio stream's meta; null without an audio stream. */
    public static AudioStreamMeta audioMeta(ProbeResult p) {
        AudioStreamInfo audio = p.audio();
        return audio == null
                ? null
                : new AudioStreamMeta(
                        audio.codec(),
                        audio.durationSeconds() > 0 ? audio.durationSeconds() : p.durationSeconds(),
                        audio.sampleRate(),
                        kbps(audio.bitRate()),
                        audio.channels());
    }

    private static long kbps(long bitsPerSecond) {
        return Math.round(bitsPerSecond / 1000.0);
    }

    /** The ffprobe format name that matches the file extension (e.g. {@code mp4} of {@code mov,mp4,m4a,…}). */
    public static String format(String formatName, String fileName) {
        String[] names = formatName.split(",");
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.asList(names).contains(extension) ? extension : names[0];
    }

    /** The VOD definition label of a frame size, from its shorter side. */
    public static String definition(int width, int height) {
        int side = Math.min(width, height);
        if (side <= 240) {
            return "240p";
        } else if (side <= 360) {
            return "360p";
        } else if (side <= 480) {
            return "480p";
        } else if (side <= 540) {
            return "540p";
        } else if (side <= 720) {
            return "720p";
        } else if (side <= 1080) {
            return "1080p";
        } else if (side <= 1440) {
            return "2k";
        }
        return "4k";
    }

    private static String fileTypeOf(String contentType) {
        if (contentType.startsWith("video/")) {
            return "video";
        }
        return contentType.startsWith("audio/") ? "audio" : null;
    }
}
