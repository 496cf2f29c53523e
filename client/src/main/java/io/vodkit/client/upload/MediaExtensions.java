package io.vodkit.client.upload;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file extensions of the audio and video formats BytePlus VOD accepts for upload, the one list vodkit uses to
 * pick media out of a folder. From the service's "Media asset types and formats" table: video MP4, FLV, ASF/WMV,
 * RM, RMVB, MPEG, MOV, AVI, Flash, MPEG-TS, Matroska; audio MP3, M4A, WAV, WMA, AMR, AAC, OGG. The table's M3U8
 * and M4S are playlists and segments, not files to upload one by one, so they are left out.
 */
public final class MediaExtensions {

    /** Video extensions, lower case, without the dot. */
    public static final Set<String> VIDEO = Set.of(
            "mp4", "m4v", "flv", "f4v", "asf", "wmv", "rm", "rmvb", "mpeg", "mpg", "mov", "avi", "ts", "mts", "m2ts",
            "mkv");
    /** Audio extensions, lower case, without the dot. */
    public static final Set<String> AUDIO = Set.of("mp3", "m4a", "wav", "wma", "amr", "aac", "ogg");

    private MediaExtensions() {}

    /** Whether {@code file}'s name ends in one of {@link #VIDEO} or {@link #AUDIO}, in any case. */
    public static boolean isMedia(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return VIDEO.contains(extension) || AUDIO.contains(extension);
    }

    /** Every extension, sorted, as {@code .aac, .amr, …} for messages. */
    public static String describe() {
        Set<String> all = new TreeSet<>(VIDEO);
        all.addAll(AUDIO);
        return "." + String.join(", .", all);
    }
}
