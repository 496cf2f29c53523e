package io.vodkit.bench.upload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Upload bench settings.
 *
 * @param runs     runs per (link, size, uploader); times are medians (default 3)
 * @param sizesMib file sizes in MiB (default 8, 64, 512)
 * @param links    link profiles (default loopback and shaped)
 * @param big      also upload a 4 GiB file with the CLI and report its peak RSS and the emulator's memory
 * @param out      where {@code upload-latest.md} and the child logs go
 * @param floorMib size of the {@link CpFloor} file ({@code cp} against {@code vodkit upload}, CPU per GiB; default
 *                 1024), 0 for none
 */
record UploadBenchOptions(int runs, List<Integer> sizesMib, List<Link> links, boolean big, Path out, int floorMib) {

    UploadBenchOptions {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs < 1: " + runs);
        }
        for (int size : sizesMib) {
            if (size < 1 || size > 4096) {
                throw new IllegalArgumentException("--sizes must be 1…4096 MiB each: " + size);
            }
        }
        if (floorMib < 0 || floorMib > 8192) {
            throw new IllegalArgumentException("--floor-mib must be 0…8192: " + floorMib);
        }
        sizesMib = List.copyOf(sizesMib);
        links = List.copyOf(links);
    }

    static UploadBenchOptions parse(String[] args) {
        int runs = 3;
        List<Integer> sizes = List.of(8, 64, 512);
        List<Link> links = List.of(Link.LOOPBACK, Link.SHAPED);
        boolean big = false;
        Path out = Path.of("bench-results");
        int floorMib = 1024;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(required("--runs", value));
                case "--sizes" -> sizes = parseSizes(required("--sizes", value));
                case "--links" -> links = parseLinks(required("--links", value));
                case "--out" -> out = Path.of(required("--out", value));
                case "--floor-mib" -> floorMib = Integer.parseInt(required("--floor-mib", value));
                case "--big" -> {
                    big = true;
                    continue;
                }
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
            i++;
        }
        return new UploadBenchOptions(runs, sizes, links, big, out, floorMib);
    }

    private static List<Integer> parseSizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            sizes.add(Integer.parseInt(part.trim()));
        }
        return sizes;
    }

    private static List<Link> parseLinks(String text) {
        List<Link> links = new ArrayList<>();
        for (String part : text.split(",")) {
            links.add(
                    switch (part.trim()) {
                        case "loopback" -> Link.LOOPBACK;
                        case "shaped" -> Link.SHAPED;
                        default -> throw new IllegalArgumentException("--links takes loopback and/or shaped: " + part);
                    });
        }
        return links;
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
