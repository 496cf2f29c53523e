package io.vodkit.bench.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.bench.CpuClock;
import io.vodkit.bench.Medians;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The floor of a loopback upload: {@code cp} of a file on the same disk against {@code vodkit upload} of the same
 * file through the real launcher, as a user runs it ({@link LauncherUpload}: its flags, JIT choice and class-data
 * archive) to a running {@code vodkit serve} on loopback. Each run copies, then moves the file through loopback
 * TCP with no protocol ({@link TcpFloor}: what any upload on this machine must at least pay), then uploads, each from
 * the same page cache ({@link PageCache}); a fresh
 * {@code VODKIT_HOME} per upload, so the ledger never skips one. Besides the wall times it measures the CPU time
 * (user + system, all threads) of the uploading process (GNU time) and of the emulator ({@code /proc/<pid>/stat}
 * before and after each upload, the ffprobe it waits for at commit included), both peak RSS, and whether the stored object is
 * byte-identical to the file (the MD5 of the object downloaded through its play URL after the first run).
 */
final class CpFloor {

    private static final double GIB = 1 << 30;

    /**
     * What the runs measured.
     *
     * @param bytes            size of the file
     * @param cpSeconds        wall time of each {@code cp}
     * @param tcpSeconds       wall time of each {@link TcpFloor} copy (loopback TCP, no protocol)
     * @param uploads          each upload's report (wall, client peak RSS, client CPU)
     * @param emulatorCpu      the emulator's CPU seconds during each upload
     * @param fixedCpu         client CPU of the untimed warm-up upload of {@code fixedBytes} (start-up and the rest of
     *                         what does not grow with the size)
     * @param fixedBytes       size of the warm-up file
     * @param emulatorPeakKib  the emulator's {@code VmHWM} after the runs
     * @param identical        whether the stored object has the file's MD5
     */
    record Result(
            long bytes,
            List<Double> cpSeconds,
            List<Double> tcpSeconds,
            List<RunReport> uploads,
            List<Double> emulatorCpu,
            double fixedCpu,
            long fixedBytes,
            long emulatorPeakKib,
            boolean identical) {

        double cpMedian() {
            return Medians.of(cpSeconds);
        }

        double tcpMedian() {
            return Medians.of(tcpSeconds);
        }

        double uploadMedian() {
            return Medians.of(uploads.stream().map(r -> r.elapsedMs() / 1000).toList());
        }

        double clientCpuMedian() {
            return Medians.of(uploads.stream().map(RunReport::cpuSeconds).toList());
        }

        /** Markdown: one table of medians and the runs behind them. */
        String markdown() {
            double gib = bytes / GIB;
            double beyondFixed = (clientCpuMedian() - fixedCpu) / ((bytes - fixedBytes) / GIB);
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "%n%d MiB on loopback, `vodkit upload` (through the launcher, fresh "
                            + "`VODKIT_HOME`) to a running `vodkit serve` against `cp` of the same file, median of %d runs "
                            + "(each from the same page cache); CPU = user + system of the whole process (the client's "
                            + "from GNU time, the emulator's from `/proc/<pid>/stat`).%n%n",
                    bytes >> 20,
                    uploads.size()));
            out.append("| what | median | runs |\n|---|---|---|\n");
            row(out, "`cp` s (the floor)", cpMedian(), cpSeconds);
            row(
                    out,
                    "loopback TCP, no protocol s (" + TcpFloor.CONNECTIONS + " connections: sendfile → read → write)",
                    tcpMedian(),
                    tcpSeconds);
            out.append(String.format(Locale.ROOT, "| TCP ÷ `cp` | %.2f× | |%n", tcpMedian() / cpMedian()));
            row(
                    out,
                    "`vodkit upload` s",
                    uploadMedian(),
                    uploads.stream().map(r -> r.elapsedMs() / 1000).toList());
            out.append(String.format(Locale.ROOT, "| vodkit ÷ `cp` | %.2f× | |%n", uploadMedian() / cpMedian()));
            out.append(String.format(Locale.ROOT, "| vodkit ÷ TCP | %.2f× | |%n", uploadMedian() / tcpMedian()));
            row(
                    out,
                    "client CPU s per GiB (whole process)",
                    clientCpuMedian() / gib,
                    uploads.stream().map(r -> r.cpuSeconds() / gib).toList());
            out.append(String.format(
                    Locale.ROOT,
                    "| client CPU s per GiB beyond a %d MiB upload's %.2f s | %.2f | |%n",
                    fixedBytes >> 20,
                    fixedCpu,
                    beyondFixed));
            row(
                    out,
                    "emulator CPU s per GiB",
                    Medians.of(emulatorCpu) / gib,
                    emulatorCpu.stream().map(c -> c / gib).toList());
            out.append(String.format(
                    Locale.ROOT,
                    "| client peak RSS MiB | %.0f | |%n",
                    uploads.stream().mapToLong(RunReport::peakRssKib).max().orElse(-1) / 1024.0));
            out.append(String.format(Locale.ROOT, "| emulator peak RSS MiB | %.0f | |%n", emulatorPeakKib / 1024.0));
            out.append(String.format(
                    Locale.ROOT, "| stored object byte-identical (MD5) | %s | |%n", identical ? "yes" : "NO"));
            return out.toString();
        }

        private static void row(StringBuilder out, String what, double median, List<Double> runs) {
            StringBuilder each = new StringBuilder();
            for (double run : runs) {
                each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", run));
            }
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", what, median, each));
        }
    }

    private CpFloor() {}

    /** Measures {@code runs} runs with a {@code mib} MiB file; {@code warmUp} goes up once first, untimed. */
    static Result run(
            ChildJvm jvm, PageCache pageCache, Path work, Path warmUp, int mib, int runs, PrintStream progress)
            throws IOException, InterruptedException {
        Path file = UploadBench.randomFile(work.resolve("floor-" + mib + "mib.mp4"), (long) mib << 20, mib);
        Path copy = work.resolve("floor-copy.mp4");
        Path emulatorDir = work.resolve("emulator-floor");
        String md5 = md5(Files.newInputStream(file));
        List<Double> cpSeconds = new ArrayList<>();
        List<Double> tcpSeconds = new ArrayList<>();
        List<RunReport> uploads = new ArrayList<>();
        List<Double> emulatorCpu = new ArrayList<>();
        boolean identical = false;
        try (EmulatorChild emulator = EmulatorChild.start(jvm, "emulator-floor", emulatorDir, Link.LOOPBACK)) {
            // without an archive for upload the launcher notes its classes in the first run and dumps it in the second
            upload(jvm, emulator, work, "floor-warmup-1", warmUp);
            upload(jvm, emulator, work, "floor-warmup-2", warmUp);
            RunReport fixed = upload(jvm, emulator, work, "floor-warmup-3", warmUp).report;
            progress.printf(Locale.ROOT, "floor-warmup done (untimed), client CPU %.2f s%n", fixed.cpuSeconds());
            for (int run = 1; run <= runs; run++) {
                pageCache.settle(file, emulatorDir);
                long start = System.nanoTime();
                Process cp = new ProcessBuilder("cp", file.toString(), copy.toString())
                        .inheritIO()
                        .start();
                if (cp.waitFor() != 0) {
                    throw new IOException("cp failed (exit " + cp.exitValue() + ")");
                }
                cpSeconds.add((System.nanoTime() - start) / 1e9);
                Files.delete(copy);

                pageCache.settle(file, emulatorDir);
                tcpSeconds.add(TcpFloor.copy(file, copy));
                Files.delete(copy);

                pageCache.settle(file, emulatorDir);
                double emulatorBefore = CpuClock.seconds(emulator.pid());
                Upload upload = upload(jvm, emulator, work, "floor-" + mib + "mib-" + run, file);
                emulatorCpu.add(CpuClock.seconds(emulator.pid()) - emulatorBefore);
                uploads.add(upload.report);
                progress.printf(
                        Locale.ROOT,
                        "floor run %d: cp %.2f s, TCP %.2f s, vodkit upload %.2f s, client CPU %.2f s, "
                                + "emulator CPU %.2f s%n",
                        run,
                        cpSeconds.get(run - 1),
                        tcpSeconds.get(run - 1),
                        upload.report.elapsedMs() / 1000,
                        upload.report.cpuSeconds(),
                        emulatorCpu.get(run - 1));
                if (run == 1) {
                    identical = md5.equals(downloadedMd5(upload.playUrl));
                }
            }
            long emulatorPeak = PeakRss.highWaterKib(emulator.pid()).orElse(-1);
            return new Result(
                    Files.size(file),
                    cpSeconds,
                    tcpSeconds,
                    uploads,
                    emulatorCpu,
                    fixed.cpuSeconds(),
                    Files.size(warmUp),
                    emulatorPeak,
                    identical);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(copy);
        }
    }

    private record Upload(RunReport report, URI playUrl) {}

    private static Upload upload(ChildJvm jvm, EmulatorChild emulator, Path work, String label, Path file)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("home-" + label));
        Map<String, String> env = jvm.launcherEnvironment(home);
        env.putAll(emulator.target(file).cliEnvironment(home));
        LauncherUpload.Result result = LauncherUpload.run(jvm, label, env, file);
        String json = result.stdout().get(result.stdout().size() - 1);
        URI playUrl =
                URI.create(new ObjectMapper().readTree(json).path("PlayURL").asText());
        return new Upload(result.report(), playUrl);
    }

    private static String downloadedMd5(URI playUrl) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(playUrl).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("GET " + playUrl + ": HTTP " + response.statusCode());
        }
        return md5(response.body());
    }

    private static String md5(InputStream in) throws IOException {
        try (DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("MD5"))) {
            digest.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }
}
