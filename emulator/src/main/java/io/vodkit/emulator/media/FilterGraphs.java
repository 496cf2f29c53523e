package io.vodkit.emulator.media;

/** Quoting for values placed inside an ffmpeg filter graph. */
public final class FilterGraphs {

    private FilterGraphs() {}

    /**
     * {@code value} escaped for use as a filter option value inside a graph: first for the option parser
     * ({@code \ ' :}), then for the graph parser ({@code \ ' [ ] , ;}), as ffmpeg's filter documentation describes.
     */
    public static String escapeOption(String value) {
        return escape(escape(value, "\\':"), "\\'[],;");
    }

    private static String escape(String value, String special) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
