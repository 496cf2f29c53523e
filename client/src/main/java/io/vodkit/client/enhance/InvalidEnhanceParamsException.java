package io.vodkit.client.enhance;

import io.vodkit.client.VodException;
import java.util.List;

/** Parameters the service would refuse for this source, found before StartExecution is sent. */
public final class InvalidEnhanceParamsException extends VodException {

    private final List<String> parameters;

    public InvalidEnhanceParamsException(String message, List<String> parameters) {
        super(message);
        this.parameters = List.copyOf(parameters);
    }

    /** The parameter names at fault, e.g. {@code bit_depth}. */
    public List<String> parameters() {
        return parameters;
    }
}
