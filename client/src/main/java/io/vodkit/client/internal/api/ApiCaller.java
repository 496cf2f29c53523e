package io.vodkit.client.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.internal.ResponseEnvelope;
import io.vodkit.client.internal.http.HttpTransport;
import io.vodkit.client.internal.http.RetryAfter;
import io.vodkit.client.internal.signing.CanonicalRequest;
import io.vodkit.client.internal.signing.RequestSigner;
import io.vodkit.client.internal.signing.SignatureHeaders;
import io.vodkit.client.internal.signing.SigningRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed OpenAPI calls (spec §1–§4): {@code <endpoint>/?Action=…&Version=…}, signed per spec §2.1, reply envelope
 * checked. Each method returns {@code Result} and throws {@link io.vodkit.client.VodServiceException} for a service
 * error, {@link io.vodkit.client.http.TransportException} when no reply arrived, and
 * {@link io.vodkit.client.VodException} for a reply that is not a VOD envelope.
 */
public final class ApiCaller {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCaller.class);
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private final HttpTransport transport;
    private final RequestSigner signer;
    private final Supplier<ObjectMapper> mapper;
    private final URI endpoint;
    private final RetryPolicy retry;
    private final Clock clock;

    /** @param mapper the JSON mapper for request bodies */
    public ApiCaller(
            HttpTransport transport, VodClientConfig config, Supplier<ObjectMapper> mapper, RetryPolicy retry) {
        this.transport = Objects.requireNonNull(transport, "transport == null");
        this.retry = Objects.requireNonNull(retry, "retry == null");
        this.mapper = Objects.requireNonNull(mapper, "mapper == null");
        this.endpoint = config.endpoint();
        this.signer = new RequestSigner(config.credentials(), config.region(), "vod", config.clock());
        this.clock = config.clock();
    }

    /** {@code GET /?Action=…&Version=…&<params>} (empty values are sent as {@code Key=}). */
    public JsonNode get(String action, String version, Map<String, String> params) {
        checkParams(action, params);
        Map<String, String> query = new LinkedHashMap<>(params);
        query.putAll(actionAndVersion(action, version));
        return call("GET", action, query, null, new byte[0]);
    }

    /** {@code POST /?Action=…&Version=…} with the parameters as an {@code application/x-www-form-urlencoded} body. */
    public JsonNode postForm(String action, String version, Map<String, String> form) {
        checkParams(action, form);
        String body = CanonicalRequest.canonicalQuery(form);
        return call("POST", action, actionAndVersion(action, version), FORM, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code POST /?Action=…&Version=…} with {@code body} serialised by Jackson as an {@code application/json} body. */
    public JsonNode postJson(String action, String version, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.get().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    action + ": body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        return call("POST", action, actionAndVersion(action, version), JSON, bytes);
    }

    /** The OpenAPI endpoint calls go to. */
    public URI endpoint() {
        return endpoint;
    }

    /** The JSON mapper shared by this client (for steps that send JSON-encoded string parameters). */
    public ObjectMapper mapper() {
        return mapper.get();
    }

    /**
     * Sends the call, repeating it after transient failures (each try freshly signed). Actions that are not
     * {@linkplain #isIdempotent idempotent} are repeated only when the server surely did not act on the failed try
     * (see {@link RetryPolicy}).
     */
    private JsonNode call(String method, String action, Map<String, String> query, String contentType, byte[] body) {
        return retry.execute(action, isIdempotent(action), () -> callOnce(method, action, query, contentType, body));
    }

    /**
     * Whether repeating {@code action} after a lost reply is harmless, so that a try the server may have acted on
     * (a time-out, a reset or truncated reply) is repeated too:
     * <ul>
     *   <li>reads and lookups ({@code Get…}, {@code Query…}, {@code List…}, {@code Describe…});
     *   <li>ApplyUploadInfo, which only hands out an upload address (an unused one expires);
     *   <li>UpdateMediaPublishStatus, UpdateMediaInfo and UpdateMediaStorageClass, which set a state;
     *   <li>DeleteMediaTosFile, for which a file already gone counts as deleted;
     *   <li>CreateSpace, sent only to the local emulator, which creates a missing space and accepts an existing one;
     *   <li>StartExecution: every submission carries its own {@code Control.ClientToken} (spec §9.1), so a repeat
     *       names the same job ({@link StartExecution});
     *   <li>CommitUploadInfo: a SessionKey is committed once; vodkit takes a repeat to answer the same Vid, as the
     *       emulator does (UNCONFIRMED for BytePlus: the spec is silent);
     *   <li>UploadMediaByUrl: every URLSet carries a FileName ({@link UploadMediaByUrl}), so a repeat names the same
     *       file; vodkit takes it to be the same job while that job lives, as the emulator does (UNCONFIRMED for
     *       BytePlus: the action has no idempotency token).
     * </ul>
     */
    static boolean isIdempotent(String action) {
        return action.startsWith("Get")
                || action.startsWith("Query")
                || action.startsWith("List")
                || action.startsWith("Describe")
                || action.equals("ApplyUploadInfo")
                || action.equals("UpdateMediaPublishStatus")
                || action.equals("UpdateMediaInfo")
                || action.equals("UpdateMediaStorageClass")
                || action.equals("DeleteMediaTosFile")
                || action.equals(CreateSpace.ACTION)
                || action.equals(StartExecution.ACTION)
                || action.equals(CommitUploadInfo.ACTION)
                || action.equals(UploadMediaByUrl.ACTION);
    }

    private JsonNode callOnce(
            String method, String action, Map<String, String> query, String contentType, byte[] body) {
        String rawQuery = CanonicalRequest.canonicalQuery(query);
        URI uri = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + "/?" + rawQuery);
        SignatureHeaders signature = signer.sign(new SigningRequest(method, hostHeader(uri), query, contentType, body));

        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(transport.requestTimeout())
                .header("Accept", JSON)
                .header("User-Agent", HttpTransport.USER_AGENT)
                .header("X-Date", signature.xDate())
                .header("X-Content-Sha256", signature.contentSha256())
                .header("Authorization", signature.authorization());
        if (contentType == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }

        long started = System.nanoTime();
        HttpResponse<byte[]> response = transport.send(request.build(), action);
        LOG.debug(
                "openapi action={} method={} status={} elapsedMs={}",
                action,
                method,
                response.statusCode(),
                (System.nanoTime() - started) / 1_000_000);
        return ResponseEnvelope.result(
                action,
                response.statusCode(),
                response.body(),
                RetryAfter.parse(response.headers().firstValue("Retry-After"), clock)
                        .orElse(null));
    }

    /** The {@code Host} header the JDK client sends: the authority without a scheme-default port. */
    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || (port == 443 && uri.getScheme().equalsIgnoreCase("https"))
                || (port == 80 && uri.getScheme().equalsIgnoreCase("http"));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static Map<String, String> actionAndVersion(String action, String version) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("Action", Objects.requireNonNull(action, "action == null"));
        query.put("Version", Objects.requireNonNull(version, "version == null"));
        return query;
    }

    /** Parameters must not be {@code null} and must not carry Action/Version (those always go in the query). */
    private static void checkParams(String action, Map<String, String> params) {
        params.forEach((name, value) -> {
            if (value == null) {
                throw new IllegalArgumentException(action + ": parameter " + name + " is null");
            }
        });
        if (params.containsKey("Action") || params.containsKey("Version")) {
            throw new IllegalArgumentException(
                    action + ": params must not contain Action or Version: " + params.keySet());
        }
    }
}
