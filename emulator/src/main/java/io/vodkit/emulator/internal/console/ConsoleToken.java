package io.vodkit.emulator.internal.console;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The console's guard: a random token made at each start. The URL {@code vodkit console} prints carries it as
 * {@code ?token=}; the first visit with it sets an HttpOnly, SameSite=Strict cookie holding it, and every console
 * request without the token or the cookie is refused, so another local user cannot read the space.
 */
public final class ConsoleToken {
    static final String QUERY = "token";
    private static final int BYTES = 32;

    private final String token;

    ConsoleToken(String token) {
        this.token = token;
    }

    /** A new random token. */
    public static ConsoleToken random(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new ConsoleToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The query suffix of the console URL: {@code ?token=…}. */
    public String query() {
        return "?" + QUERY + "=" + token;
    }

    /**
     * Whether {@code ctx} carries the token, in its cookie or its query; a request with the query token gets the
     * cookie, so the pages it loads need no token of their own.
     */
    boolean admits(Context ctx) {
        // cookies ignore ports: one name per port keeps two emulators on one host from overwriting each other's
        String cookieName = "vodkit_console_" + ctx.req().getLocalPort();
        if (matches(ctx.cookie(cookieName))) {
            return true;
        }
        if (matches(ctx.queryParam(QUERY))) {
            ctx.header(
                    "Set-Cookie",
                    cookieName + "=" + token + "; Path=/console; HttpOnly; SameSite=Strict"
                            + (ctx.req().isSecure() ? "; Secure" : ""));
            return true;
        }
        return false;
    }

    private boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        candidate.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ConsoleToken[██]";
    }
}
