package io.vodkit.emulator.internal.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate and the private key of its public key. */
record KeyedCertificate(X509Certificate certificate, PrivateKey key) {}
