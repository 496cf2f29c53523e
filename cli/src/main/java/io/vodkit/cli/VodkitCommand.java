package io.vodkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code vodkit} command; the work is done by its subcommands. */
@Command(
        name = "vodkit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Put video and audio into BytePlus VOD, get the Vid and playable URLs back.",
            "Without BYTEPLUS_ACCESSKEY/BYTEPLUS_SECRETKEY (and without VOD_ENDPOINT) every command runs against "
                    + "the local emulator, started in-process with its data under $VODKIT_HOME/local."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the operation failed (service error, network, job failed)",
            "2:invalid input; nothing was sent",
            "3:timed out while the job is still running (see resume_hint)"
        },
        footerHeading = "%nSettings (flags > environment > .env in the working directory):%n",
        footer = {
            "  BYTEPLUS_ACCESSKEY, BYTEPLUS_SECRETKEY, VOD_SPACE_NAME, VOD_ENDPOINT,",
            "  VOD_REGION, VOD_POLL_INTERVAL, VOD_POLL_MAX, VOD_URL_EXPIRE_MINUTES,",
            "  VOD_PLAY_DOMAIN, VOD_ENHANCE_VERSION, VOD_REQUEST_TIMEOUT, VOD_MAX_ATTEMPTS,",
            "  VODKIT_HOME, VODKIT_FFMPEG, VOD_UPLOAD_ALLOWED_DIRS"
        })
public final class VodkitCommand implements Runnable {

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Log requests (secrets redacted) and print stack traces on stderr.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
