package io.vodkit.client.limits;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * What the service accepts for uploads, media metadata, media management, polling, URLs and connections, in one
 * place (spec §5.1, §6.4, §7.2, §8.1, §10.6; media-management A1, A5, A7, A12, A13, A14): the request types check
 * their values against these rules when they are made, so a value the service would refuse fails before the first
 * byte is sent, and a command line can check its flags against the same rules up front.
 */
public final class Limits {

    private static final Pattern REGION_FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String FORBIDDEN_IN_FILE_NAME = "?$\\%#";
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9._-]{1,7}");

    /** 20 MiB: the smallest part size, and the size from which uploads go in parts (spec §6.4). */
    public static final long MIN_PART_SIZE_BYTES = 20L * 1024 * 1024;
    /** 5 GiB: the largest part the storage gateway takes (HTTP 413 above it). */
    public static final long MAX_PART_SIZE_BYTES = 5L * 1024 * 1024 * 1024;
    /** Parts of one multipart upload at most. */
    public static final int MAX_PARTS = 10_000;
    /** Parts of one file in flight at most. */
    public static final int MAX_CONCURRENCY = 64;
    /** Files uploaded at once at most. */
    public static final int MAX_JOBS = 16;

    /** Part size of a multipart upload: {@value #MIN_PART_SIZE_BYTES} bytes to 5 GiB. */
    public static final Limit<Long> PART_SIZE =
            Limit.bytesBetween("partSize", MIN_PART_SIZE_BYTES, MAX_PART_SIZE_BYTES);
    /**
     * The smallest part size a client may be set to use ({@code UploadConfig.Builder#minimumPartSize}): 1 byte up to
     * {@value #MIN_PART_SIZE_BYTES}. Below the service's minimum only for an emulator, so tests upload small files.
     */
    public static final Limit<Long> MINIMUM_PART_SIZE = Limit.bytesBetween("minimumPartSize", 1, MIN_PART_SIZE_BYTES);

    /** Bytes of one file: at most {@value #MAX_PARTS} parts of 5 GiB. */
    public static final Limit<Long> FILE_SIZE = Limit.bytesBetween("fileSize", 1, MAX_PARTS * MAX_PART_SIZE_BYTES);
    /** Parts of one file in flight: 1 to {@value #MAX_CONCURRENCY}. */
    public static final Limit<Long> CONCURRENCY = Limit.between("concurrency", 1, MAX_CONCURRENCY);
    /** Files uploaded at once: 1 to {@value #MAX_JOBS}. */
    public static final Limit<Long> JOBS = Limit.between("jobs", 1, MAX_JOBS);

    /** ApplyUploadInfo {@code FileName}: the storage path rules, at most 2048 bytes. */
    public static final Limit<String> FILE_NAME =
            fileName("fileName", 2048, "bytes (UTF-8)", name -> name.getBytes(StandardCharsets.UTF_8).length);

    /** UploadMediaByUrl {@code FileName}: the storage path rules, at most 1024 characters. */
    public static final Limit<String> URL_FILE_NAME =
            fileName("fileName", 1024, "characters", name -> name.codePointCount(0, name.length()));

    /** Pause between two polls of a job: 0.1 s to 1 hour. */
    public static final Limit<Duration> POLL_INTERVAL =
            Limit.durationBetween("pollInterval", Duration.ofMillis(100), Duration.ofHours(1), ChronoUnit.SECONDS);
    /** Polls of a job before giving up: 1 to 1,000,000. */
    public static final Limit<Long> POLL_MAX = Limit.between("pollMax", 1, 1_000_000);
    /**
     * Lifetime of a signed play URL: 1 minute to 365 days. Type A signs an expiry timestamp the CDN reads as a 32-bit
     * number of seconds (spec §10.6: at most 2147483647), so it cannot lie years ahead.
     */
    public static final Limit<Duration> URL_EXPIRY =
            Limit.durationBetween("urlExpiry", Duration.ofMinutes(1), Duration.ofDays(365), ChronoUnit.MINUTES);

    /** How long a request may wait for its reply, or go without a byte moving: 0.1 s to 1 hour. */
    public static final Limit<Duration> REQUEST_TIMEOUT =
            Limit.durationBetween("requestTimeout", Duration.ofMillis(100), Duration.ofHours(1), ChronoUnit.SECONDS);
    /** Tries per request, the first included: 1 to 100. */
    public static final Limit<Long> MAX_ATTEMPTS = Limit.between("maxAttempts", 1, 100);

    /** The OpenAPI endpoint: http or https, a host, an optional port, nothing else. */
    public static final Limit<URI> ENDPOINT = new Limit<>(
            "endpoint",
            "an http(s) URL with a host and no path, query or fragment (e.g. https://vod.byteplusapi.com)",
            Limits::endpointProblem);
    /** The signing region, e.g. {@code ap-singapore-1}. */
    public static final Limit<String> REGION = new Limit<>(
            "region",
            "1 to 64 lower-case letters, digits and hyphens (e.g. ap-singapore-1)",
            region -> REGION_FORM.matcher(region).matches() ? Optional.empty() : Optional.of("'" + region + "'"));

    /** Vids per GetMediaInfos, DeleteMedia and UpdateMediaStorageClass call; classification ids per GetMediaList. */
    public static final int MAX_VIDS = 20;
    /** GetMediaList: largest PageSize. */
    public static final int MAX_PAGE_SIZE = 100;
    /** GetMediaList: largest Offset. */
    public static final int MAX_OFFSET = 10_000;
    /** FileNames per DeleteMediaTosFile call. */
    public static final int MAX_FILE_NAMES = 1000;
    /** Tags per media (docs-limits). */
    public static final int MAX_TAGS = 16;
    /** StorageClass values, numbered 1, 2, 3 in ApplyUploadInfo and URLSets. */
    public static final List<String> STORAGE_CLASSES = List.of("STANDARD", "ARCHIVE", "IA");
    /** Material categories (A14.4), required with RecordType 2. */
    public static final List<String> CATEGORIES = List.of("video", "audio", "image", "dynamic_img", "subtitle", "font");

    /** Title at commit and in UpdateMediaInfo (A7, A12). */
    public static final Limit<String> TITLE = Limit.maxChars("title", 512);
    /** Description at commit and in UpdateMediaInfo (A7, A12). */
    public static final Limit<String> DESCRIPTION = Limit.maxChars("description", 1024);
    /** Title in a URL pull's URLSet (A13). */
    public static final Limit<String> URL_TITLE = Limit.maxChars("title", 128).when("for a URL");
    /** Description in a URL pull's URLSet (A13). */
    public static final Limit<String> URL_DESCRIPTION =
            Limit.maxChars("description", 256).when("for a URL");
    /** A comma list of at most {@value #MAX_TAGS} tags (empty ones and repeats not counted). */
    public static final Limit<String> TAGS =
            new Limit<>("tags", "at most " + MAX_TAGS + " comma-separated tags", tags -> {
                long count = Arrays.stream(tags.split(","))
                        .map(String::strip)
                        .filter(tag -> !tag.isEmpty())
                        .distinct()
                        .count();
                return count > MAX_TAGS ? Optional.of(count + " tags") : Optional.empty();
            });
    /** A URLSet's Tags text (A13). */
    public static final Limit<String> URL_TAGS = Limit.maxChars("tags", 36).when("for a URL");
    /** CallbackArgs of an upload. */
    public static final Limit<String> CALLBACK_ARGS = Limit.maxUtf8Bytes("callbackArgs", 512);
    /** Material category ({@link #CATEGORIES}). */
    public static final Limit<String> CATEGORY = Limit.oneOf("category", CATEGORIES);
    /** RecordType: 1 audio/video, 2 material. */
    public static final Limit<Integer> RECORD_TYPE = new Limit<>(
            "recordType",
            "1 (audio/video) or 2 (material)",
            type -> type == 1 || type == 2 ? Optional.empty() : Optional.of(type.toString()));
    /** ClassificationId: 0 (unclassified) or a classification of the space. */
    public static final Limit<Long> CLASSIFICATION_ID = new Limit<>(
            "classificationId", "0 or a positive number", id -> id < 0 ? Optional.of(id.toString()) : Optional.empty());
    /** StorageClass, in any case ({@link #storageClass} gives the service's spelling). */
    public static final Limit<String> STORAGE_CLASS = Limit.oneOf("storageClass", List.of("standard", "archive", "ia"));
    /** GetMediaList Status. */
    public static final Limit<String> PUBLISH_STATUS = Limit.oneOf("status", List.of("Published", "Unpublished"));
    /** A workflow template id to start at commit. */
    public static final Limit<String> WORKFLOW_TEMPLATE = new Limit<>(
            "workflowTemplate", "a template id", id -> id.isBlank() ? Optional.of("an empty id") : Optional.empty());
    /** GetMediaList PageSize. */
    public static final Limit<Long> PAGE_SIZE = Limit.between("pageSize", 1, MAX_PAGE_SIZE);
    /** GetMediaList Offset. */
    public static final Limit<Long> OFFSET = Limit.between("offset", 0, MAX_OFFSET);
    /** FileNames of one DeleteMediaTosFile call. */
    public static final Limit<Long> FILE_NAME_COUNT = Limit.between("fileNames", 1, MAX_FILE_NAMES);

    private Limits() {}

    /**
     * A storage path (object key): at most {@code max} (bytes or characters, as {@code size} counts), not starting
     * with {@code /}, with no empty, {@code .} or {@code ..} segment, no control character and none of
     * {@code ? $ \ % #} (the service refuses {@code ? $} and control characters; a gateway URL cannot address the
     * others unambiguously, and the local emulator refuses them), ending in a file extension.
     */
    private static Limit<String> fileName(String name, int max, String unit, ToIntFunction<String> size) {
        return new Limit<>(
                name,
                "a storage path of at most " + max + " " + unit + " ending in a file extension "
                        + "(e.g. clips/a.mp4), without a leading /, empty, . or .. segments, control characters or any of "
                        + "? $ \\ % #",
                fileName -> {
                    int length = size.applyAsInt(fileName);
                    if (length > max) {
                        return Optional.of(length + " " + unit);
                    }
                    if (fileName.startsWith("/")) {
                        return Optional.of("a leading /");
                    }
                    for (int i = 0; i < fileName.length(); i++) {
                        char c = fileName.charAt(i);
                        if (c < 0x20 || c == 0x7F) {
                            return Optional.of(String.format(Locale.ROOT, "the control character U+%04X", (int) c));
                        }
                        if (FORBIDDEN_IN_FILE_NAME.indexOf(c) >= 0) {
                            return Optional.of("the character " + c);
                        }
                    }
                    String[] segments = fileName.split("/", -1);
                    if (Arrays.stream(segments).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
                        return Optional.of("an empty, . or .. segment");
                    }
                    String last = segments[segments.length - 1];
                    int dot = last.lastIndexOf('.');
                    if (dot <= 0 || !EXTENSION.matcher(last.substring(dot)).matches()) {
                        return Optional.of("no file extension in '" + last + "'");
                    }
                    return Optional.empty();
                });
    }

    /**
     * {@link #PART_SIZE} with its lower bound at {@code minimum} (within {@link #MINIMUM_PART_SIZE}); the same rule
     * when {@code minimum} is the service's {@value #MIN_PART_SIZE_BYTES}.
     */
    public static Limit<Long> partSize(long minimum) {
        MINIMUM_PART_SIZE.check(minimum);
        return minimum == MIN_PART_SIZE_BYTES
                ? PART_SIZE
                : Limit.bytesBetween("partSize", minimum, MAX_PART_SIZE_BYTES);
    }

    /**
     * The file size from which uploads go in parts: {@code minimum} (the smallest part size, within
     * {@link #MINIMUM_PART_SIZE}) up to 5 GiB, the largest single PUT.
     */
    public static Limit<Long> multipartThreshold(long minimum) {
        MINIMUM_PART_SIZE.check(minimum);
        return Limit.bytesBetween("multipartThreshold", minimum, MAX_PART_SIZE_BYTES);
    }

    /** {@code storageClass} checked against {@link #STORAGE_CLASS} and spelled as the service wants it: upper case. */
    public static String storageClass(String storageClass) {
        return STORAGE_CLASS
                .check(Objects.requireNonNull(storageClass, "storageClass == null"))
                .strip()
                .toUpperCase(Locale.ROOT);
    }

    private static Optional<String> endpointProblem(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (endpoint.getRawUserInfo() != null) {
            return Optional.of("a URL with user info");
        }
        String path = endpoint.getRawPath();
        boolean wellFormed = (scheme.equals("http") || scheme.equals("https"))
                && endpoint.getHost() != null
                && (path == null || path.isEmpty() || path.equals("/"))
                && endpoint.getRawQuery() == null
                && endpoint.getRawFragment() == null
                && (endpoint.getPort() == -1 || endpoint.getPort() >= 1 && endpoint.getPort() <= 65535);
        return wellFormed ? Optional.empty() : Optional.of("'" + endpoint + "'");
    }
}
