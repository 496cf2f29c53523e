package io.vodkit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyMapperTest {

  @Test
  void buildsTheMapperOnFirstUseOnly() {
    AtomicInteger built = new AtomicInteger();
    LazyMapper mapper = new LazyMapper(() -> {
      built.incrementAndGet();
      return new ObjectMapper();
    });

    assertThat(built).hasValue(0);
    ObjectMapper first = mapper.get();
    assertThat(mapper.get()).isSameAs(first);
    assertThat(built).hasValue(1);
  }
}
