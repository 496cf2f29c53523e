package io.vodkit.client.internal.url;

import io.vodkit.client.internal.Digests;
import io.vodkit.client.internal.PercentEncoding;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * CDN URL signing, type A (spec §10.6):
 * {@code <url>?auth_key=<timestamp>-<rand>-<uid>-md5("<uri>-<timestamp>-<rand>-<uid>-<key>")} with {@code uid = 0}.
 * The URI is the URL's path, percent-encoded (UTF-8) except for unreserved characters and {@code /$&+,:;=@}; the
 * signed URL carries the same encoded path. {@link #sign(String, long, String, String)} is pure; only
 * {@link #randomRand()} uses the injected random generator.
 */
public final class TypeASigner {

    public static final String DEFAULT_PARAM = "auth_key";
    /** Length of the random part vodkit generates (the CDN accepts 1–100 alphanumerics). */
    public static final int RAND_CHARS = 16;

    static final int MAX_RAND_CHARS = 100;
    private static final String UID = "0";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final RandomGenerator random;

    public TypeASigner(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random == null");
    }

    /** Signs {@code url} with the {@value #DEFAULT_PARAM} parameter. */
    public String sign(String url, long timestamp, String rand, String key) {
        return sign(url, DEFAULT_PARAM, timestamp, rand, key);
    }

    /**
     * Signs {@code url}.
     *
     * @param url       {@code scheme://host/path[?query]} or {@code /path[?query]}; the path is taken as raw
     *                  (unencoded) text and encoded here
     * @param paramName query parameter of the token, normally {@value #DEFAULT_PARAM}
     * @param timestamp UNIX seconds; the CDN accepts the URL until {@code timestamp + validity}
     * @param rand      1–100 ASCII letters and digits
     * @param key       the domain's primary or backup key
     */
    public String sign(String url, String paramName, long timestamp, String rand, String key) {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(paramName, "paramName == null");
        checkRand(rand);
        Objects.requireNonNull(key, "key == null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key is empty");
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp < 0: " + timestamp);
        }

        int pathStart = pathStart(url);
        int pathEnd = firstOf(url, pathStart, '?', '#');
        String origin = url.substring(0, pathStart);
        String rawPath = pathStart == pathEnd ? "/" : url.substring(pathStart, pathEnd);
        String rest = url.substring(pathEnd);
        int fragmentAt = rest.indexOf('#');
        String query = fragmentAt < 0 ? rest : rest.substring(0, fragmentAt);
        String fragment = fragmentAt < 0 ? "" : rest.substring(fragmentAt);

        String uri = PercentEncoding.encode(rawPath, PercentEncoding.PATH_SAFE);
        String hash = Digests.md5Hex(uri + "-" + timestamp + "-" + rand + "-" + UID + "-" + key);
        String token = paramName + "=" + timestamp + "-" + rand + "-" + UID + "-" + hash;
        String separator = query.isEmpty() ? "?" : query.equals("?") ? "" : "&";
        return origin + uri + query + separator + token + fragment;
    }

    /** {@value #RAND_CHARS} random ASCII letters and digits. */
    public String randomRand() {
        StringBuilder rand = new StringBuilder(RAND_CHARS);
        for (int i = 0; i < RAND_CHARS; i++) {
            rand.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return rand.toString();
    }

    private static void checkRand(String rand) {
        Objects.requireNonNull(rand, "rand == null");
        if (rand.isEmpty() || rand.length() > MAX_RAND_CHARS) {
            throw new IllegalArgumentException("rand must be 1-" + MAX_RAND_CHARS + " characters: " + rand.length());
        }
        for (int i = 0; i < rand.length(); i++) {
            if (ALPHANUMERIC.indexOf(rand.charAt(i)) < 0) {
                throw new IllegalArgumentException("rand must be ASCII letters and digits: " + rand);
            }
        }
    }

    /** Index of the path: after {@code scheme://authority}, or 0 for a URL that is only a path. */
    private static int pathStart(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return 0;
        }
        return firstOf(url, scheme + 3, '/', '?', '#');
    }

    private static int firstOf(String text, int from, char... stops) {
        for (int i = from; i < text.length(); i++) {
            for (char stop : stops) {
                if (text.charAt(i) == stop) {
                    return i;
                }
            }
        }
        return text.length();
    }
}
