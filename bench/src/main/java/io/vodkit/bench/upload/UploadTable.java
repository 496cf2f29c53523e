package io.vodkit.bench.upload;

import java.util.List;
import java.util.Locale;

/** Renders the upload bench as Markdown. */
final class UploadTable {

    private UploadTable() {}

    static String render(List<UploadRow> rows, int runs, BigFileCheck.Result big, double minutes) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Median of %d runs per cell (seconds from client set-up to commit, "
                        + "each uploader in its own JVM with the vodkit launcher's flags %s and a class-data archive of its own, recorded by its warm-up upload); peak RSS = highest VmHWM over the runs; whole bench %.1f min.%n%n",
                runs,
                String.join(" ", ChildJvm.LAUNCHER_FLAGS),
                minutes));
        out.append("| link | size | vodkit s | official SDK s | single PUT s | SDK ÷ vodkit | single ÷ vodkit "
                + "| vodkit RSS MiB | SDK RSS MiB | single RSS MiB |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (UploadRow row : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d MiB | %.2f | %.2f | %.2f | %.2f× | %.2f× | %.0f | %.0f | %.0f |%n",
                    row.link.name(),
                    row.sizeMib,
                    row.seconds(Contender.VODKIT),
                    row.seconds(Contender.OFFICIAL_SDK),
                    row.seconds(Contender.SINGLE_STREAM),
                    row.speedup(Contender.OFFICIAL_SDK),
                    row.speedup(Contender.SINGLE_STREAM),
                    row.peakRssMib(Contender.VODKIT),
                    row.peakRssMib(Contender.OFFICIAL_SDK),
                    row.peakRssMib(Contender.SINGLE_STREAM)));
        }
        appendFloors(out, rows);
        if (big != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n4 GiB file, `vodkit upload` CLI on loopback: %.1f s, CLI peak "
                            + "RSS %.0f MiB; emulator RSS %.0f MiB before → %.0f MiB at most while receiving.%n",
                    big.seconds(),
                    big.cliPeakRssMib(),
                    big.emulatorRssBeforeMib(),
                    big.emulatorRssMaxMib()));
        }
        return out.toString();
    }

    /** For rate-limited links: each uploader's {@link LinkFloor}, the best ratio it allows, and how close each came. */
    private static void appendFloors(StringBuilder out, List<UploadRow> rows) {
        List<UploadRow> shaped =
                rows.stream().filter(row -> row.link.bytesPerSecond() > 0).toList();
        if (shaped.isEmpty()) {
            return;
        }
        out.append(String.format(
                Locale.ROOT,
                "%nLink floors: the time each upload would take if neither side did "
                        + "any work (bodies at the link rate, one latency per request on the critical path; "
                        + "`LinkFloor`).%n%n"));
        out.append("| link | size | vodkit floor s | SDK floor s | single floor s | best possible SDK ÷ vodkit "
                + "| vodkit above floor s | SDK above floor s |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (UploadRow row : shaped) {
            long bytes = (long) row.sizeMib << 20;
            double vodkit = LinkFloor.seconds(Contender.VODKIT, row.link, bytes);
            double sdk = LinkFloor.seconds(Contender.OFFICIAL_SDK, row.link, bytes);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d MiB | %.2f | %.2f | %.2f | %.2f× | %.2f | %.2f |%n",
                    row.link.name(),
                    row.sizeMib,
                    vodkit,
                    sdk,
                    LinkFloor.seconds(Contender.SINGLE_STREAM, row.link, bytes),
                    sdk / vodkit,
                    row.seconds(Contender.VODKIT) - vodkit,
                    row.seconds(Contender.OFFICIAL_SDK) - sdk));
        }
    }
}
