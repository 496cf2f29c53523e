package io.vodkit.emulator.internal.api;

/** An OpenAPI error from the {@link ApiError} catalog with its rendered message. */
public final class ApiException extends RuntimeException {
    private final ApiError error;

    ApiException(ApiError error, String message) {
        super(message);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
