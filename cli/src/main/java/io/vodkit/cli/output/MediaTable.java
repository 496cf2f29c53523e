package io.vodkit.cli.output;

import io.vodkit.client.media.MediaInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code vodkit ls} on a terminal: one aligned row per media, for a person to read. */
public final class MediaTable {
    private static final List<String> HEADER =
            List.of("VID", "TITLE", "DURATION", "SIZE", "FRAME", "STATUS", "STORAGE", "CREATED");
    private static final int TITLE_CHARS = 30;

    private MediaTable() {}

    public static void print(List<MediaInfo> media, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MediaInfo m : media) {
            rows.add(List.of(
                    m.vid(),
                    cut(m.title()),
                    String.format(Locale.ROOT, "%.1fs", m.duration()),
                    bytes(m.size()),
                    m.width() > 0 ? m.width() + "x" + m.height() : "-",
                    m.publishStatus(),
                    m.storageClass(),
                    m.createTime()));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(
                        widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
                }
            }
            out.println(line);
        }
        out.println(media.size() + " media");
        out.flush();
    }

    private static String cut(String title) {
        String text = title.isEmpty() ? "-" : title.replaceAll("\\s+", " ");
        return text.codePointCount(0, text.length()) <= TITLE_CHARS
                ? text
                : text.substring(0, text.offsetByCodePoints(0, TITLE_CHARS - 1)) + "…";
    }

    private static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        double value = size;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
