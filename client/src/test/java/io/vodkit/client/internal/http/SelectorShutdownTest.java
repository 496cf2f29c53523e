package io.vodkit.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectorShutdownTest {

    @Test
    void theSelectorThreadOfAClosedClientEnds() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String name = SelectorShutdown.selectorThreadName(client).orElseThrow();
        Thread selector = thread(name).orElseThrow(() -> new AssertionError("no thread " + name));
        HttpClient other = HttpClient.newHttpClient();
        Thread otherSelector =
                thread(SelectorShutdown.selectorThreadName(other).orElseThrow()).orElseThrow();

        SelectorShutdown.shutdown(client);

        selector.join(5_000);
        assertThat(selector.isAlive()).as(name + " still running").isFalse();
        assertThat(otherSelector.isAlive())
                .as("another client's selector is left alone")
                .isTrue();
        SelectorShutdown.shutdown(other);
    }

    @Test
    void theThreadNameComesFromTheClientsId() {
        HttpClient client = HttpClient.newHttpClient();

        assertThat(SelectorShutdown.selectorThreadName(client))
                .hasValueSatisfying(name -> assertThat(name).matches("HttpClient-\\d+-SelectorManager"));
        SelectorShutdown.shutdown(client);
    }

    private static Optional<Thread> thread(String name) {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        return threads.stream().filter(thread -> thread.getName().equals(name)).findFirst();
    }
}
