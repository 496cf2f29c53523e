package io.vodkit.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadSourcesTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void files() throws Exception {
        Files.write(tmp.resolve("a.mp4"), new byte[] {1});
        Files.write(tmp.resolve("space1"), new byte[] {1});
        Files.write(tmp.resolve("b.mp4"), new byte[] {1});
        Files.writeString(tmp.resolve("list.txt"), "# urls\nhttps://x/1.mp4\n\n  \t\n  # indented comment\nb.mp4\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a.mp4|a.mp4|",
                "a.mp4 demo|a.mp4|demo",
                "https://x/a.mp4 https://x/b.mp4|https://x/a.mp4 https://x/b.mp4|",
                "a.mp4 https://x/b.mp4 demo|a.mp4 https://x/b.mp4|demo",
                "a.mp4 space1|a.mp4 space1|",
                "a.mp4 typo.mp4|a.mp4 typo.mp4|",
                "a.mp4 clips/typo|a.mp4 clips/typo|",
                "a.mp4 my-space_2|a.mp4|my-space_2",
                "missing.mp4|missing.mp4|",
                "@list.txt demo|https://x/1.mp4 b.mp4|demo",
                "a.mp4 @list.txt|a.mp4 https://x/1.mp4 b.mp4|"
            })
    void theLastWordIsTheSpaceOnlyWhenItIsNoSource(String args, String sources, String space) {
        UploadSources parsed = UploadSources.parse(Arrays.asList(args.split(" ")), context(), false, notice -> {});

        assertThat(parsed.sources()).extracting(UploadSources.Item::text).isEqualTo(List.of(sources.split(" ")));
        assertThat(parsed.sources()).noneMatch(UploadSources.Item::inFolder);
        assertThat(parsed.space()).isEqualTo(Optional.ofNullable(space));
    }

    @ParameterizedTest
    @CsvSource({
        "@nothere.txt, source list not found: ",
        "@empty.txt, no SOURCE",
        "@., is a folder",
        "@/dev/zero, is not a regular file",
        "@/dev/null, is not a regular file"
    })
    void badListsAreInvalidInput(String arg, String message) throws Exception {
        Files.writeString(tmp.resolve("empty.txt"), "# nothing\n");

        assertThatThrownBy(() -> UploadSources.parse(List.of(arg), context(), false, notice -> {}))
                .isInstanceOf(CliException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aFolderBecomesItsMediaFilesInPathOrderAmongTheOtherSources() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("clips"));
        Files.write(folder.resolve("b.MOV"), new byte[] {1});
        Files.write(folder.resolve("a.wav"), new byte[] {1});
        Files.write(folder.resolve("notes.txt"), new byte[] {1});

        UploadSources parsed = UploadSources.parse(
                List.of("a.mp4", "clips", "https://x/c.mp4", "demo"), context(), false, notice -> {});

        assertThat(parsed.sources())
                .containsExactly(
                        new UploadSources.Item("a.mp4", false),
                        new UploadSources.Item(folder.resolve("a.wav").toString(), true),
                        new UploadSources.Item(folder.resolve("b.MOV").toString(), true),
                        new UploadSources.Item("https://x/c.mp4", false));
        assertThat(parsed.space()).contains("demo");
    }

    @Test
    void aListNamesFilesLiterallyWithTheirSpacesQuotesAndApostrophes() throws Exception {
        List<String> names = List.of("my clip.mp4", " leading space.mp4", "it's \"quoted\".mp4", "tab\there.mp4");
        for (String name : names) {
            Files.write(tmp.resolve(name), new byte[] {1});
        }
        Files.writeString(tmp.resolve("names.txt"), String.join("\n", names) + "\n");

        UploadSources parsed = UploadSources.parse(List.of("@names.txt"), context(), false, notice -> {});

        assertThat(parsed.sources()).extracting(UploadSources.Item::text).isEqualTo(names);
    }

    @Test
    void aLineNamingNothingIsReportedByItsNumberWithoutItsText() throws Exception {
        Files.writeString(tmp.resolve("env.txt"), "a.mp4\nSECRET_TOKEN=s3cr3t-value\n");
        Files.writeString(tmp.resolve("padded.txt"), "a.mp4 \n");

        assertThatThrownBy(() -> UploadSources.parse(List.of("@env.txt"), context(), false, notice -> {}))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("env.txt line 2: no such file or folder")
                .message()
                .doesNotContain("s3cr3t")
                .doesNotContain("SECRET_TOKEN");
        assertThatThrownBy(() -> UploadSources.parse(List.of("@padded.txt"), context(), false, notice -> {}))
                .hasMessageContaining("line 1")
                .hasMessageContaining("spaces at its start or end");
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = tmp.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        assertThatThrownBy(() -> UploadSources.parse(List.of("@fifo"), context(), false, notice -> {}))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void anMcpToolCallsAtSignIsAFileNameNotAList() {
        UploadSources parsed =
                UploadSources.parse(List.of("@list.txt"), context().forToolCall(), false, notice -> {});

        assertThat(parsed.sources()).extracting(UploadSources.Item::text).containsExactly("@list.txt");
    }

    private CliContext context() {
        return new CliContext(Map.of(), tmp, System.out, System.err, false, new CompletableFuture<>());
    }
}
