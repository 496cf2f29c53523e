package io.vodkit.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.FakeVodServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  void aPlainHttpTransportTalksHttpWithoutATlsStack() throws IOException {
    try (FakeVodServer server = new FakeVodServer();
         HttpTransport transport = new HttpTransport(TIMEOUT, TIMEOUT, false)) {
      server.onGateway(r -> FakeVodServer.gatewayOk("{}"));

      int status = transport.send(HttpRequest.newBuilder(server.endpoint().resolve("/bucket/a.mp4")).build(), "GET")
          .statusCode();

      assertThat(status).isEqualTo(200);
    }
  }

  @Test
  void aPlainHttpTransportRefusesHttpsClearly() {
    try (HttpTransport transport = new HttpTransport(TIMEOUT, TIMEOUT, false)) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:1/bucket/a.mp4")).build();

      assertThatThrownBy(() -> transport.send(request, "storage upload"))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("storage upload")
          .hasMessageContaining(PlainHttpOnly.REFUSAL);
    }
  }
}
