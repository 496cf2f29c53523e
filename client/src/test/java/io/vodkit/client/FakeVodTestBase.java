package io.vodkit.client;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For test classes whose every test drives a {@link VodClient} (keys {@code AK}/{@code SK}, default region, 2 s
 * connect and 5 s request time-outs) against a fresh {@link FakeVodServer}.
 */
public abstract class FakeVodTestBase {
    protected FakeVodServer server;
    protected VodClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeVodServer();
        client = new VodClient(new VodClientConfig(
                server.endpoint(),
                null,
                new Credentials("AK", "SK"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                null));
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }
}
