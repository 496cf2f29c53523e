package io.vodkit.cli.doctor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An unsigned {@code GET /} of the endpoint: any HTTP answer shows it is reachable, and its {@code Date} header
 * tells the server's time.
 *
 * @param reachable  whether an HTTP answer came back
 * @param detail     what happened, for the report
 * @param serverTime the server's {@code Date}, if it sent one
 * @param localTime  the local time when the answer came
 */
public record EndpointProbe(boolean reachable, String detail, Optional<Instant> serverTime, Instant localTime) {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public static EndpointProbe of(URI endpoint, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/"))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            return new EndpointProbe(
                    true,
                    endpoint + " is reachable (answered an unsigned request in " + millis
                            + " ms; the credentials are checked by the signed call)",
                    response.headers().firstValue("Date").flatMap(EndpointProbe::httpDate),
                    clock.instant());
        } catch (IOException e) {
            return new EndpointProbe(
                    false,
                    "cannot reach " + endpoint + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    Optional.empty(),
                    clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EndpointProbe(
                    false, "interrupted while reaching " + endpoint, Optional.empty(), clock.instant());
        }
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
