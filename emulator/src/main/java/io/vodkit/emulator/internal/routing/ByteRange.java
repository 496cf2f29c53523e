package io.vodkit.emulator.internal.routing;

/**
 * The part of an object a {@code Range} header asks for. Single ranges only ({@code bytes=a-b}, {@code a-},
 * {@code -n}); a missing, malformed, multi-range or non-byte header selects the whole object, as RFC 9110 allows.
 *
 * @param satisfiable false when the range lies outside the object (→ 416)
 * @param partial     true when only part of the object is selected (→ 206)
 */
record ByteRange(boolean satisfiable, boolean partial, long start, long length) {

    static ByteRange whole(long size) {
        return new ByteRange(true, false, 0, size);
    }

    static ByteRange parse(String header, long size) {
        if (header == null || !header.trim().startsWith("bytes=") || header.contains(",")) {
            return whole(size);
        }
        String spec = header.trim().substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole(size);
        }
        String first = spec.substring(0, dash).trim();
        String last = spec.substring(dash + 1).trim();
        try {
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix < 0) {
                    return whole(size);
                }
                if (suffix == 0 || size == 0) {
                    return unsatisfiable();
                }
                long length = Math.min(suffix, size);
                return new ByteRange(true, true, size - length, length);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? Long.MAX_VALUE : Long.parseLong(last);
            if (start < 0 || end < start) {
                return whole(size);
            }
            if (start >= size) {
                return unsatisfiable();
            }
            end = Math.min(end, size - 1);
            return new ByteRange(true, true, start, end - start + 1);
        } catch (NumberFormatException e) {
            return whole(size);
        }
    }

    String contentRange(long size) {
        return satisfiable ? "bytes " + start + "-" + (start + length - 1) + "/" + size : "bytes */" + size;
    }

    private static ByteRange unsatisfiable() {
        return new ByteRange(false, false, 0, 0);
    }
}
