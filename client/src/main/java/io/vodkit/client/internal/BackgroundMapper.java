package io.vodkit.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A client's Jackson mapper, built on a short-lived daemon thread from the moment the client is created. Building
 * the first {@link ObjectMapper} of a JVM is the slowest step of a client's start-up (some 400 classes), and no call
 * needs it before its first reply arrives: meanwhile the HTTP client is built and the first request goes out.
 * {@link #get()} waits for it.
 */
public final class BackgroundMapper implements Supplier<ObjectMapper> {

  private final CompletableFuture<ObjectMapper> mapper;

  private BackgroundMapper(CompletableFuture<ObjectMapper> mapper) {
    this.mapper = mapper;
  }

  /** Starts building {@code factory.get()} on a thread of its own. */
  public static BackgroundMapper start(Supplier<ObjectMapper> factory) {
    return new BackgroundMapper(CompletableFuture.supplyAsync(factory, task -> {
      Thread thread = new Thread(task, "vodkit-json-init");
      thread.setDaemon(true);
      thread.start();
    }));
  }

  /** The mapper, once built; a failure to build it is thrown as it was. */
  @Override
  public ObjectMapper get() {
    try {
      return mapper.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw e;
    }
  }
}
