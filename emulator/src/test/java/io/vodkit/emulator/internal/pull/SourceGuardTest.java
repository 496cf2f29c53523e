package io.vodkit.emulator.internal.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vodkit.emulator.support.ScriptedDns;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which hosts a URL pull may connect to (checked before any connection is made). */
class SourceGuardTest {
    private static final int SELF = 18765;

    private static SourceGuard guard(String bindHost, boolean allowPrivate) {
        SourceGuard guard = new SourceGuard(bindHost, allowPrivate);
        guard.servedAt(() -> "127.0.0.1:" + SELF);
        return guard;
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "169.254.1.1", "[fe80::1]", "100.100.100.200", "[fd00:ec2::254]"})
    void refusesMetadataAndLinkLocalHostsEvenWhenPrivateSourcesAreAllowed(String host) {
        assertThatThrownBy(() -> guard("0.0.0.0", true).check(URI.create("http://" + host + "/a.mp4")))
                .isInstanceOf(FetchFailure.class)
                .hasMessageContaining("link-local or cloud-metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "[::]"})
    void refusesTheUnspecifiedAddressOnAnyPort(String host) {
        assertThatThrownBy(() -> guard("127.0.0.1", true).check(URI.create("http://" + host + ":8080/a.mp4")))
                .hasMessage("refused: " + host + " is the unspecified address, which reaches this machine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]"})
    void refusesTheEmulatorsOwnPortUnderAnyLoopbackName(String host) {
        for (boolean allowPrivate : new boolean[] {false, true}) {
            assertThatThrownBy(() -> guard("127.0.0.1", allowPrivate)
                            .check(URI.create("http://" + host + ":" + SELF + "/_vodkit/stats")))
                    .isInstanceOf(FetchFailure.class)
                    .hasMessageContaining("is this emulator itself");
        }
    }

    @Test
    void refusesTheEmulatorsOwnPortOnThisMachinesLanAddress() throws SocketException {
        Optional<InetAddress> lan = LocalAddresses.ipv4().stream().findFirst();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address");

        assertThatThrownBy(() -> guard("0.0.0.0", true)
                        .check(URI.create("http://" + lan.get().getHostAddress() + ":" + SELF + "/x.mp4")))
                .hasMessageContaining("is this emulator itself");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "93.184.216.34"})
    void boundOnLoopbackOtherLocalAndPrivateSourcesAreAllowed(String host) {
        assertThatCode(() -> guard("127.0.0.1", false).check(URI.create("http://" + host + ":8080/a.mp4")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "localhost",
                "[::1]",
                "10.1.2.3",
                "172.16.5.4",
                "192.168.0.10",
                "[fd12::1]",
                "100.64.0.1"
            })
    void boundBeyondLoopbackPrivateSourcesAreRefusedUnlessAllowed(String host) {
        URI source = URI.create("http://" + host + ":8080/a.mp4");

        assertThatThrownBy(() -> guard("0.0.0.0", false).check(source))
                .hasMessageContaining("loopback or private address")
                .hasMessageContaining("vodkit serve --allow-private-sources");
        assertThatCode(() -> guard("0.0.0.0", true).check(source)).doesNotThrowAnyException();
    }

    @Test
    void boundBeyondLoopbackPublicSourcesAreAllowed() {
        assertThatCode(() -> guard("0.0.0.0", false).check(URI.create("https://93.184.216.34/a.mp4")))
                .doesNotThrowAnyException();
    }

    @Test
    void vetLooksTheNameUpOnceAndAnswersTheAddressesItChecked() throws Exception {
        ScriptedDns dns = new ScriptedDns().answer("two.example", List.of("93.184.216.34", "10.1.2.3"));

        List<InetAddress> vetted = new SourceGuard("127.0.0.1", false, dns).vet("two.example", 8080);

        assertThat(vetted).containsExactly(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3"));
        assertThat(dns.lookups("two.example")).isEqualTo(1);
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsRefused() {
        ScriptedDns dns = new ScriptedDns().answer("mixed.example", List.of("93.184.216.34", "169.254.169.254"));
        SourceGuard guard = new SourceGuard("0.0.0.0", false, dns);

        assertThatThrownBy(() -> guard.vet("mixed.example", 80))
                .hasMessage("refused: mixed.example is a link-local or cloud-metadata address (169.254.169.254)");
        assertThatThrownBy(() -> guard.check(URI.create("http://mixed.example/a.mp4")))
                .hasMessageContaining("link-local or cloud-metadata");
    }

    @Test
    void aNameThatDoesNotResolvePassesTheCheckAndFailsTheVetting() {
        ScriptedDns dns = new ScriptedDns().unknown("nowhere.example").answer("empty.example", List.of());
        SourceGuard guard = new SourceGuard("127.0.0.1", false, dns);

        assertThatCode(() -> guard.check(URI.create("http://nowhere.example/a.mp4")))
                .as("left to the request, which reports host not found")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.vet("nowhere.example", 80)).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> guard.vet("empty.example", 80)).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void theCheckOfAUrlUsesTheDefaultPortOfItsScheme() {
        ScriptedDns dns = new ScriptedDns().answer("self.example", List.of("127.0.0.1"));
        SourceGuard onHttps = new SourceGuard("127.0.0.1", true, dns);
        onHttps.servedAt(() -> "127.0.0.1:443");

        assertThatThrownBy(() -> onHttps.check(URI.create("https://self.example/stats")))
                .hasMessage("refused: self.example:443 is this emulator itself (127.0.0.1)");
        assertThatCode(() -> onHttps.check(URI.create("http://self.example/stats")))
                .doesNotThrowAnyException();
    }
}
