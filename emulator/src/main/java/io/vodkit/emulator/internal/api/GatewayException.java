package io.vodkit.emulator.internal.api;

/** A storage-gateway error from the {@link GatewayError} catalog with its rendered message. */
public final class GatewayException extends RuntimeException {
    private final GatewayError error;

    GatewayException(GatewayError error, String message) {
        super(message);
        this.error = error;
    }

    public GatewayError error() {
        return error;
    }
}
