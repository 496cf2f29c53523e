package io.vodkit.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Jackson mapper built on first use, then shared. Building the first {@link ObjectMapper} of a JVM loads some 400
 * classes (a quarter of a second); replies are read without one ({@link JsonTree}), so only calls that write
 * records as JSON (StartExecution, UploadMediaByUrl) pay for it. Thread-safe.
 */
public final class LazyMapper implements Supplier<ObjectMapper> {

  private final Supplier<ObjectMapper> factory;
  private ObjectMapper mapper;

  public LazyMapper(Supplier<ObjectMapper> factory) {
    this.factory = Objects.requireNonNull(factory, "factory == null");
  }

  /** The mapper, built by the first caller. */
  @Override
  public synchronized ObjectMapper get() {
    if (mapper == null) {
      mapper = Objects.requireNonNull(factory.get(), "the mapper factory returned null");
    }
    return mapper;
  }
}
