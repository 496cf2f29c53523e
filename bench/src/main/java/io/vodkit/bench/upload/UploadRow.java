package io.vodkit.bench.upload;

import io.vodkit.bench.Medians;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The runs of every uploader for one (link, size). */
final class UploadRow {

    final Link link;
    final int sizeMib;
    private final Map<Contender, List<RunReport>> runs = new EnumMap<>(Contender.class);

    UploadRow(Link link, int sizeMib) {
        this.link = link;
        this.sizeMib = sizeMib;
    }

    void add(Contender contender, RunReport report) {
        runs.computeIfAbsent(contender, c -> new ArrayList<>()).add(report);
    }

    /** Median elapsed seconds. */
    double seconds(Contender contender) {
        return Medians.of(
                runs.get(contender).stream().map(r -> r.elapsedMs() / 1000).toList());
    }

    /** The highest peak RSS over the runs, in MiB. */
    double peakRssMib(Contender contender) {
        return runs.get(contender).stream()
                        .mapToLong(RunReport::peakRssKib)
                        .max()
                        .orElse(-1)
                / 1024.0;
    }

    /** How many times faster vodkit is than {@code other} (median over median). */
    double speedup(Contender other) {
        return seconds(other) / seconds(Contender.VODKIT);
    }
}
