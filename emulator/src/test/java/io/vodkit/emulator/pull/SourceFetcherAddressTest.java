package io.vodkit.emulator.pull;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** URL pulls never reach link-local or cloud-metadata addresses (checked before any connection is made). */
class SourceFetcherAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "169.254.1.1", "[fe80::1]", "fe80::1", "100.100.100.200",
        "fd00:ec2::254", "0.0.0.0"})
    void refusesMetadataAndLinkLocalHosts(String host) {
        assertThatThrownBy(() -> SourceFetcher.checkAddress(host))
                .isInstanceOf(FetchFailure.class)
                .hasMessageContaining("link-local or cloud-metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "93.184.216.34", "10.1.2.3"})
    void allowsOtherHosts(String host) {
        assertThatCode(() -> SourceFetcher.checkAddress(host)).doesNotThrowAnyException();
    }
}
