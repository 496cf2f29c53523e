package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.output.JsonLines;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vodkit download SOURCE [SPACE] [-o PATH] [--force]}. */
@Command(
        name = "download",
        mixinStandardHelpOptions = true,
        description = {
            "Download media to a file: vid://VID (its original file), directurl://FILENAME (a stored "
                    + "file, e.g. a restoration output) or a signed http(s) URL. Prints one JSON line "
                    + "{\"Source\",\"Path\",\"Size\",\"Md5\"}.",
            "The file is streamed to .NAME.part beside the target, resumed with HTTP Range after an interruption "
                    + "(run the same command again), checked against the size and MD5 the service gives, and "
                    + "renamed when complete. An existing file is kept unless --force; a progress bar is drawn on "
                    + "a terminal."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit download vid://<Vid> -o original.mp4",
            "  vodkit download directurl://<FileName> -o downloads/",
            "  vodkit download <PlayURL> -o copy.mp4 --force"
        })
public final class DownloadCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "vid://VID, directurl://FILENAME or a URL.")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SPACE", description = "VOD space (VOD_SPACE_NAME).")
    String space;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "PATH",
            description = "File to write, or an existing directory to write into (default: the file's own name "
                    + "in the working directory).")
    String output;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @Mixin
    ServiceOptions service;

    public DownloadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String name = MediaDownloads.localName(source);
        if (name != null) {
            MediaDownloads.target(context.workingDir(), output, name, force);
        }
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        try (Backend backend = Backend.open(settings, Optional.ofNullable(space), context)) {
            new JsonLines(context.out()).write(new MediaDownloads(context, backend).download(source, output, force));
            return ExitCodes.OK;
        }
    }
}
