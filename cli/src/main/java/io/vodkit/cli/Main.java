package io.vodkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Entry point of the runnable jar: the exit code is the command's. */
public final class Main {
    /**
     * Set by the {@code ./vodkit} launcher when this run records the classes it loads for a class-data-sharing archive:
     * the file the JVM writes them to.
     */
    static final String CDS_RECORDING = "vodkit.cds.recording";

    private Main() {}

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--debug")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        CliContext context = CliContext.system();
        int exitCode = VodkitCli.execute(context, args);
        context.ended();
        if (exitCode == ExitCodes.INVALID_INPUT) {
            markRecordingInvalid(System.getProperty(CDS_RECORDING));
        }
        System.exit(exitCode);
    }

    /**
     * Tells the launcher to drop the recording of this run: a run refused as invalid input stopped before the
     * command's work, so an archive made from it would share about half the classes a real run loads.
     */
    static void markRecordingInvalid(String recording) {
        if (recording == null || recording.isBlank()) {
            return;
        }
        try {
            Files.newOutputStream(Path.of(recording + ".invalid")).close();
        } catch (IOException | RuntimeException e) {
            // at worst the launcher keeps a poorer archive
        }
    }
}
