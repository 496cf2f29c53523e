package io.vodkit.client.internal.http;

import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS settings of a transport whose endpoint is plain {@code http://} (a local emulator): a context that refuses
 * every TLS use. Handing it to the JDK {@link java.net.http.HttpClient} keeps the client from building the default
 * {@link SSLContext} (the JSSE provider and the trust store: about a third of a second of start-up CPU) for
 * connections that never use TLS. An {@code https} request through such a transport fails with a clear message.
 * Measured on the CLI path (a 100 KB {@code vodkit upload} to a running emulator, JDK 17, median of 15 and of 20
 * runs): 0.18-0.19 s of CPU less than with the default context (1.26 -> 1.44 s, 1.39 -> 1.59 s; bench/README.md).
 */
final class PlainHttpOnly {

    static final String REFUSAL = "this HTTP transport speaks plain http only (its endpoint is http://); TLS is off";

    private PlainHttpOnly() {}

    /** A context whose engines and socket factories cannot be created. */
    static SSLContext context() {
        return new SSLContext(new Refusing(), null, "none") {};
    }

    /** Empty parameters, so the client does not ask the context for its defaults. */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    private static final class Refusing extends SSLContextSpi {

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return parameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return parameters();
        }

        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException(REFUSAL);
        }
    }
}
