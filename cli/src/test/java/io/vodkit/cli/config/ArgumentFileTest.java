package io.vodkit.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgumentFileTest {
    @TempDir
    Path tmp;

    @Test
    void aFileUpToTheLimitIsReadAndALargerOneIsRefusedWithoutItsContent() throws Exception {
        Files.write(tmp.resolve("fits.json"), new byte[RestorationParams.MAX_PARAMS_FILE_BYTES]);
        byte[] tooLarge = new byte[RestorationParams.MAX_PARAMS_FILE_BYTES + 1];
        tooLarge[0] = 'Z';
        Files.write(tmp.resolve("large.json"), tooLarge);

        assertThat(ArgumentFile.read(tmp.resolve("fits.json"), "PARAMS file", RestorationParams.MAX_PARAMS_FILE_BYTES))
                .hasSize(RestorationParams.MAX_PARAMS_FILE_BYTES);
        assertThatThrownBy(() -> ArgumentFile.read(
                        tmp.resolve("large.json"), "PARAMS file", RestorationParams.MAX_PARAMS_FILE_BYTES))
                .isInstanceOf(CliException.class)
                .hasMessageEndingWith("large.json is larger than 1024 KiB")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCodes.INVALID_INPUT));
    }

    @Test
    void onlyAnAtSignedArgumentOfACommandLineIsAReference() {
        CliContext context = new CliContext(Map.of(), tmp, System.out, System.err, false, new CompletableFuture<>());

        assertThat(ArgumentFile.reference("@sub/../p.json", context)).contains(tmp.resolve("p.json"));
        assertThat(ArgumentFile.reference("@/etc/hosts", context)).contains(Path.of("/etc/hosts"));
        assertThat(ArgumentFile.reference("p.json", context)).isEmpty();
        assertThat(ArgumentFile.reference("@", context)).isEmpty();
        assertThat(ArgumentFile.reference("@/etc/hosts", context.forToolCall()))
                .as("a tool call's value")
                .isEmpty();
    }
}
