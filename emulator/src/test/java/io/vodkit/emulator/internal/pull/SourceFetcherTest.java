package io.vodkit.emulator.internal.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vodkit.emulator.Disk;
import io.vodkit.emulator.UrlPullConfig;
import io.vodkit.emulator.internal.storage.ObjectStore;
import io.vodkit.emulator.internal.storage.StagedFile;
import io.vodkit.emulator.internal.tls.LocalCertificates;
import io.vodkit.emulator.support.LiveThreads;
import io.vodkit.emulator.support.ScriptedDns;
import io.vodkit.emulator.support.SourceServer;
import io.vodkit.emulator.support.TrustedCa;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fetcher connects only to addresses the guard vetted in the same lookup (no DNS rebinding between the check and
 * the connection), with a scripted DNS that answers an allowed address first and a refused one next, or the other
 * way round; and https sources are checked against their name, not the address they are reached at.
 */
// alone: a test counts the pull client's threads in the whole JVM, which another class's pulls would add to
@Isolated
class SourceFetcherTest {
    private static final UrlPullConfig CONFIG = UrlPullConfig.DEFAULTS
            .withConnectTimeout(Duration.ofSeconds(2))
            .withReadTimeout(Duration.ofMillis(300))
            .withMaxBytes(1024 * 1024);
    private static final String CLIP = "/files/clip.mp4";
    private static final String PULL_THREADS = "vodkit-pull-http";

    @TempDir
    Path tmp;

    private final byte[] clip = new byte[100_000];
    private final ScriptedDns dns = new ScriptedDns();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final AtomicInteger objects = new AtomicInteger();
    private Path folder;
    private ObjectStore store;
    private SourceServer source;
    private LocalCertificates certificates;

    @BeforeEach
    void setUp() throws Exception {
        new Random(11).nextBytes(clip);
        folder = Files.createDirectories(tmp.resolve("sources"));
        Files.write(folder.resolve("clip.mp4"), clip);
        store = new ObjectStore(tmp.resolve("objects"), Disk.LOCAL);
        source = open(new SourceServer(folder));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aNameThatRebindsAfterItsLookupIsFetchedFromTheAddressThatWasVetted() throws Exception {
        dns.answer("rebind.example", List.of("127.0.0.1"), List.of("169.254.169.254"));
        SourceFetcher fetcher = fetcher(guard("127.0.0.1"));

        assertThat(fetch(fetcher, "http://rebind.example:" + source.port() + CLIP))
                .isEqualTo(clip);
        assertThat(dns.lookups("rebind.example"))
                .as("one lookup, checked and connected to")
                .isEqualTo(1);
        assertThat(source.reachedAt()).containsExactly(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void aGzipEncodedSourceIsStoredAsServedNotDecoded() throws Exception {
        SourceFetcher fetcher = fetcher(guard("127.0.0.1"));

        assertThat(fetch(fetcher, source.url("/gzip/clip.mp4")))
                .as("the object is the bytes the source sent")
                .isEqualTo(SourceServer.gzip(clip));
    }

    @Test
    void aRedirectToARebindingNameIsVettedAndConnectedToInOneLookup() throws Exception {
        dns.answer("rebind.example", List.of("127.0.0.1"), List.of("169.254.169.254"));
        SourceFetcher fetcher = fetcher(guard("127.0.0.1"));

        assertThat(fetch(fetcher, source.url("/away/clip.mp4?http://rebind.example:" + source.port() + CLIP)))
                .isEqualTo(clip);
        assertThat(dns.lookups("rebind.example")).isEqualTo(1);
    }

    @Test
    void beyondLoopbackANameThatRebindsToLoopbackIsFetchedFromTheVettedAddressOnly() throws Exception {
        Optional<InetAddress> lan = publicAddressOfThisMachine();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback, non-private IPv4 address");
        SourceServer everywhere = open(SourceServer.on(folder, InetAddress.getByName("0.0.0.0")));
        dns.answer("rebind.example", List.of(lan.get().getHostAddress()), List.of("127.0.0.1"));
        SourceFetcher fetcher = fetcher(guard("0.0.0.0"));

        assertThat(fetch(fetcher, "http://rebind.example:" + everywhere.port() + CLIP))
                .isEqualTo(clip);
        assertThat(everywhere.reachedAt())
                .as("a connection that looked the name up again would arrive at 127.0.0.1, which the guard refuses")
                .containsExactly(lan.get());
    }

    @Test
    void aNameWhoseLookupAnswersARefusedAddressIsRefusedBeforeAnyConnection() throws Exception {
        dns.answer("rebind.example", List.of("169.254.169.254"), List.of("127.0.0.1"));
        SourceFetcher fetcher = fetcher(guard("127.0.0.1"));

        assertThatThrownBy(() -> fetch(fetcher, "http://rebind.example:" + source.port() + CLIP))
                .isInstanceOf(FetchFailure.class)
                .hasMessage("refused: rebind.example is a link-local or cloud-metadata address (169.254.169.254)");
        assertThat(source.requests(CLIP)).isZero();
        assertThat(dns.lookups("rebind.example")).isEqualTo(1);
    }

    @Test
    void everyAddressOfALookupIsVetted() throws Exception {
        dns.answer("both.example", List.of("127.0.0.1", "169.254.169.254"));
        SourceFetcher fetcher = fetcher(guard("127.0.0.1"));

        assertThatThrownBy(() -> fetch(fetcher, "http://both.example:" + source.port() + CLIP))
                .hasMessageContaining("link-local or cloud-metadata");
        assertThat(source.requests(CLIP)).isZero();
    }

    @Test
    void aRedirectToTheEmulatorsOwnPortUnderAnotherNameIsRefused() throws Exception {
        dns.answer("self.example", List.of("127.0.0.1"));
        SourceGuard guard = guard("127.0.0.1");
        guard.servedAt(() -> "127.0.0.1:" + source.port());
        SourceServer other = open(new SourceServer(folder));
        SourceFetcher fetcher = fetcher(guard);

        assertThatThrownBy(
                        () -> fetch(fetcher, other.url("/away/clip.mp4?http://self.example:" + source.port() + CLIP)))
                .hasMessage("refused: self.example:" + source.port() + " is this emulator itself (127.0.0.1)");
        assertThat(source.requests(CLIP)).isZero();
    }

    @Test
    void aNameThatDoesNotResolveIsReportedAsHostNotFound() {
        dns.unknown("nowhere.example");
        SourceFetcher fetcher = fetcher(guard("127.0.0.1"));

        assertThatThrownBy(() -> fetch(fetcher, "http://nowhere.example/clip.mp4"))
                .hasMessage("host not found: nowhere.example");
    }

    @Test
    void aSourceWhoseListenerIsFullTimesOutConnecting() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assumeTrue(fillBacklog(full), "this system answers connections beyond a full backlog");
            SourceFetcher fetcher =
                    open(new SourceFetcher(CONFIG.withConnectTimeout(Duration.ofMillis(300)), guard("127.0.0.1")));

            assertThatThrownBy(() -> fetch(fetcher, "http://127.0.0.1:" + full.getLocalPort() + "/clip.mp4"))
                    .hasMessage("timed out after 0.3 s connecting");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void aSourceThatAcceptsButNeverAnswersTimesOutWaitingForTheResponse(String scheme) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SourceFetcher fetcher = fetcher(guard("127.0.0.1"));

            assertThatThrownBy(() -> fetch(fetcher, scheme + "://127.0.0.1:" + silent.getLocalPort() + "/clip.mp4"))
                    .hasMessage("timed out after 0.3 s waiting for the response");
        }
    }

    @Test
    void anHttpsSourceIsReachedAtTheVettedAddressWithItsNameForSniAndTheCertificate() throws Exception {
        SourceServer https = httpsSource();
        dns.answer("media.example", List.of("127.0.0.1"));

        assertThat(fetch(caTrustingFetcher(), "https://media.example:" + https.port() + CLIP))
                .isEqualTo(clip);
        assertThat(https.serverNames()).containsOnly("media.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void anHttpsSourceNamedByAnAddressOrLocalhostIsCheckedAgainstThat(String host) throws Exception {
        SourceServer https = httpsSource();

        assertThat(fetch(caTrustingFetcher(), "https://" + host + ":" + https.port() + CLIP))
                .isEqualTo(clip);
    }

    @Test
    void anHttpsSourceWhoseCertificateDoesNotNameTheHostIsRefusedThoughItNamesTheAddress() throws Exception {
        SourceServer https = httpsSource();
        dns.answer("other.example", List.of("127.0.0.1"));

        assertRefusedOverTls(caTrustingFetcher(), "https://other.example:" + https.port() + CLIP, https)
                .hasMessageContaining("other.example");
    }

    @Test
    void anHttpsSourceWithACertificateTheJvmDoesNotTrustIsRefused() throws Exception {
        SourceServer https = httpsSource();
        dns.answer("media.example", List.of("127.0.0.1"));

        assertRefusedOverTls(fetcher(guard("127.0.0.1")), "https://media.example:" + https.port() + CLIP, https)
                .hasMessageContaining("PKIX");
    }

    @Test
    void anInterruptedFetchEndsWithInterruptedException() throws Exception {
        SourceFetcher fetcher =
                open(new SourceFetcher(CONFIG.withReadTimeout(Duration.ofSeconds(30)), guard("127.0.0.1")));
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                fetch(fetcher, source.url("/gated/clip.mp4"));
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        worker.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.gatedRequests() == 1);

        worker.interrupt();

        assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void theClientStartsWithTheFirstFetchAndItsThreadsEndWhenTheFetcherCloses() throws Exception {
        SourceFetcher fetcher = new SourceFetcher(CONFIG, guard("127.0.0.1"));
        assertThat(LiveThreads.named(PULL_THREADS)).as("no fetch, no client").isZero();

        assertThat(fetch(fetcher, source.url(CLIP))).isEqualTo(clip);
        assertThat(LiveThreads.named(PULL_THREADS)).isPositive();
        fetcher.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> LiveThreads.named(PULL_THREADS) == 0);
        assertThatThrownBy(() -> fetch(fetcher, source.url(CLIP))).isInstanceOf(InterruptedException.class);
    }

    private byte[] fetch(SourceFetcher fetcher, String url) throws Exception {
        String objectId = "obj" + objects.incrementAndGet();
        StagedFile staged = fetcher.fetch(URI.create(url), (body, maxBytes) -> store.receive(objectId, body, maxBytes));
        return Files.readAllBytes(staged.temp());
    }

    private SourceGuard guard(String bindHost) {
        return new SourceGuard(bindHost, false, dns);
    }

    private SourceFetcher fetcher(SourceGuard guard) {
        return open(new SourceFetcher(CONFIG, guard));
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** An https source whose certificate, from a CA of its own, names media.example, localhost and 127.0.0.1. */
    private SourceServer httpsSource() throws Exception {
        certificates = LocalCertificates.ensure(tmp.resolve("tls"), "media.example", Clock.systemUTC());
        return open(SourceServer.https(folder, certificates.serverContext()));
    }

    /** A fetcher that trusts the CA of {@link #httpsSource()} (and no other). */
    private SourceFetcher caTrustingFetcher() throws Exception {
        return open(new SourceFetcher(CONFIG, guard("127.0.0.1"), TrustedCa.context(certificates.caCertFile())));
    }

    /** The TLS handshake fails, so no request reaches {@code https}. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefusedOverTls(
            SourceFetcher fetcher, String url, SourceServer https) {
        AbstractThrowableAssert<?, ? extends Throwable> refused =
                assertThatThrownBy(() -> fetch(fetcher, url)).hasMessageStartingWith("request failed: ");
        assertThat(https.requests(CLIP)).isZero();
        return refused;
    }

    /**
     * Connects to {@code server}, which never accepts, until a connection attempt times out: its backlog is full and
     * the system drops further connection requests (as Linux does). False if that did not happen.
     */
    private boolean fillBacklog(ServerSocket server) throws Exception {
        for (int i = 0; i < 16; i++) {
            Socket socket = open(new Socket());
            try {
                socket.connect(server.getLocalSocketAddress(), 200);
            } catch (SocketTimeoutException e) {
                return true;
            }
        }
        return false;
    }

    /** An IPv4 address of this machine that a guard bound beyond loopback allows: neither loopback nor private. */
    private Optional<InetAddress> publicAddressOfThisMachine() throws SocketException {
        SourceGuard beyondLoopback = guard("0.0.0.0");
        return LocalAddresses.ipv4().stream()
                .filter(address -> {
                    try {
                        beyondLoopback.vet(address.getHostAddress(), 80);
                        return true;
                    } catch (FetchFailure | UnknownHostException e) {
                        return false;
                    }
                })
                .findFirst();
    }
}
