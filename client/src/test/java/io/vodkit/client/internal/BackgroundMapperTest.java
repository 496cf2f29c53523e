package io.vodkit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundMapperTest {

  @Test
  void buildsTheMapperOnItsOwnDaemonThreadAndGetWaitsForIt() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Thread> builder = new AtomicReference<>();
    ObjectMapper built = new ObjectMapper();

    BackgroundMapper mapper = BackgroundMapper.start(() -> {
      builder.set(Thread.currentThread());
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return built;
    });
    release.countDown();

    assertThat(mapper.get()).isSameAs(built);
    assertThat(mapper.get()).isSameAs(built);
    assertThat(builder.get()).isNotSameAs(Thread.currentThread());
    assertThat(builder.get().isDaemon()).isTrue();
    assertThat(builder.get().getName()).isEqualTo("vodkit-json-init");
  }

  @Test
  void aFailureToBuildIsThrownAsItWas() {
    BackgroundMapper mapper = BackgroundMapper.start(() -> {
      throw new IllegalStateException("no mapper");
    });

    assertThatThrownBy(mapper::get).isExactlyInstanceOf(IllegalStateException.class).hasMessage("no mapper");
  }
}
