package io.vodkit.client.api;

import java.util.List;

/**
 * GetPlayInfo's answer (spec §10.2), the fields vodkit uses.
 *
 * @param vid      the media
 * @param duration seconds (0 when unknown)
 * @param entries  {@code PlayInfoList}, in order
 */
public record PlayInfo(String vid, double duration, String posterUrl, List<Entry> entries) {

    public PlayInfo {
        entries = List.copyOf(entries);
    }

    /** One {@code PlayInfoList} element. */
    public record Entry(
            String fileId,
            String format,
            String definition,
            int width,
            int height,
            String mainPlayUrl,
            String backupPlayUrl) {}

    /** The first non-empty MainPlayUrl or BackupPlayUrl, as the skill picks it; {@code ""} when none. */
    public String firstUrl() {
        for (Entry entry : entries) {
            if (!entry.mainPlayUrl().isEmpty()) {
                return entry.mainPlayUrl();
            }
            if (!entry.backupPlayUrl().isEmpty()) {
                return entry.backupPlayUrl();
            }
        }
        return "";
    }
}
