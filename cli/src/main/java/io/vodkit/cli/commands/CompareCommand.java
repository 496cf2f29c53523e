package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.compare.CompareJob;
import io.vodkit.cli.compare.CompareSources;
import io.vodkit.cli.compare.Comparer;
import io.vodkit.cli.compare.MediaCache;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.ledger.JobRepository;
import io.vodkit.cli.ledger.Ledger;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.RestorationSummary;
import io.vodkit.client.api.MediaSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vodkit compare BEFORE AFTER}: measures both videos and, when they show the same content, scores AFTER
 * against BEFORE; with {@code --out} draws the comparison as a PNG or a self-contained HTML page.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare two videos (e.g. before and after a restoration) and print one JSON line: per side "
                    + "the size, fps, duration, bitrate, bytes and no-reference measures (blockiness, noise, blur, "
                    + "banding, flicker; each with its unit and which way is better); when AFTER shows the same "
                    + "content as BEFORE (scaled to BEFORE's size), AFTER's PSNR and SSIM per plane against BEFORE, "
                    + "else \"comparable\":false and the reason.",
            "BEFORE, AFTER, CLEAN: a file, an http(s) URL, vid://VID or directurl://FILENAME (downloaded to "
                    + "$VODKIT_HOME/cache/media first). Local files need no account. Needs ffmpeg.",
            "--out FILE.png: N moments, each BEFORE | AFTER with the most detailed region zoomed 2× below and "
                    + "the measures of those frames; FILE.html: the same with a draggable before/after slider, "
                    + "in one file."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit compare before.mp4 after.mp4",
            "  vodkit compare before.mp4 after.mp4 --out comparison.png --frames 3",
            "  vodkit compare before.mp4 after.mp4 --reference clean.mp4 \\",
            "      --out comparison.html",
            "Output:",
            "  {\"before\":{…,\"measures\":{\"noise\":{\"value\",\"unit\",\"better\"},…}},",
            "   \"after\":{…},\"changes\":{\"better\":[…],\"worse\":[…],\"same\":[…]},",
            "   \"comparable\":true,\"after_vs_before\":{\"psnr\":{\"y\",\"u\",\"v\",\"all\"},",
            "   \"ssim\":{…}},\"picture\":{\"file\",…}}",
            "  When AFTER is the directurl:// output of a restoration submitted from",
            "  here, \"restoration\" says what it found, did and measured."
        })
public final class CompareCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The video before (file, URL, vid://, directurl://).")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The video after.")
    String after;

    @Option(names = "--out", paramLabel = "FILE.png|FILE.html", description = "Write the comparison picture here.")
    Path out;

    @Option(
            names = "--reference",
            paramLabel = "CLEAN",
            description = "A clean original: score both against it and say which is closer.")
    String reference;

    @Option(
            names = "--frames",
            paramLabel = "N",
            defaultValue = "" + CompareJob.DEFAULT_FRAMES,
            description = "Moments shown in the picture, 1 to 12 (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(
            names = "--space",
            paramLabel = "SPACE",
            description = "Space of vid:// and directurl:// media " + "(VOD_SPACE_NAME).")
    String space;

    @Mixin
    ServiceOptions service;

    public CompareCommand(CliContext context) {
        this.context = context;
    }

    /** The report of the restoration that made {@code after}, when it is one submitted from here. */
    static Optional<Map<String, Object>> restoration(Settings settings, String spaceName, String after) {
        if (!after.startsWith(MediaSource.DIRECT_URL_PREFIX)) {
            return Optional.empty();
        }
        try (Ledger ledger = Ledger.open(settings.home())) {
            return restoration(ledger.jobs(), Backend.ledgerEndpoint(settings), spaceName, after);
        }
    }

    static Optional<Map<String, Object>> restoration(
            JobRepository jobs, String endpoint, String spaceName, String after) {
        String fileName = after.substring(MediaSource.DIRECT_URL_PREFIX.length());
        return jobs.restorationWithOutput(endpoint, spaceName, fileName)
                .flatMap(job -> RestorationSummary.of(job.report()));
    }

    @Override
    public Integer call() {
        Path picture = out == null
                ? null
                : CompareJob.checkPicturePath(context.workingDir().resolve(out));
        CompareJob.checkFrames(frames);
        CompareSources.checkLocal(context.workingDir(), "BEFORE", before);
        CompareSources.checkLocal(context.workingDir(), "AFTER", after);
        if (reference != null) {
            CompareSources.checkLocal(context.workingDir(), "--reference", reference);
        }
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        CompareJob job = new CompareJob(CompareJob.tools(settings.ffmpeg()));
        try (CompareSources sources = new CompareSources(
                context.workingDir(),
                new MediaCache(settings.home(), settings.requestTimeout()),
                () -> Backend.open(settings, Optional.ofNullable(space), context))) {
            Comparer.Named b = sources.resolve("BEFORE", before);
            Comparer.Named a = sources.resolve("AFTER", after);
            Comparer.Named r = reference == null ? null : sources.resolve("--reference", reference);
            context.notice("comparing " + before + " with " + after);
            Map<String, Object> line = new LinkedHashMap<>(job.run(b, a, r, picture, frames));
            sources.spaceName()
                    .ifPresent(spaceName -> restoration(settings, spaceName, after)
                            .ifPresent(summary -> line.put("restoration", summary)));
            new JsonLines(context.out()).write(line);
            return ExitCodes.OK;
        }
    }
}
