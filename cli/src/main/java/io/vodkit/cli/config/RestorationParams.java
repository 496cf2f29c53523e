package io.vodkit.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.client.enhance.EnhanceParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code vodkit enhance}'s PARAMS and flags as the client's {@link EnhanceParams}: PARAMS is inline JSON, {@code @FILE}
 * or just the video; {@code --type}, {@code --config}, {@code --tier}, {@code --res} and {@code --bit-depth} are
 * written over it; every violation is named in one invalid-input error.
 *
 * @param params   the PARAMS argument
 * @param type     {@code --type}, or {@code null}
 * @param config   {@code --config}, or {@code null}
 * @param tier     {@code --tier}, or {@code null}
 * @param res      {@code --res}, or {@code null}
 * @param bitDepth {@code --bit-depth}, or {@code null}
 */
public record RestorationParams(String params, String type, String config, String tier, String res, String bitDepth) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The largest {@code @FILE} of PARAMS read. */
    public static final int MAX_PARAMS_FILE_BYTES = 1 << 20;

    /** The request, or one error naming every violation (so all can be fixed at once). */
    public EnhanceParams parse(CliContext context) {
        return validate(merged(context));
    }

    /** PARAMS as a JSON object, with the flags written over it. */
    private ObjectNode merged(CliContext context) {
        JsonNode base = readParams(context);
        if (!base.isObject()) {
            throw CliException.invalidInput("PARAMS must be one JSON object (see vodkit enhance --help)");
        }
        ObjectNode json = (ObjectNode) base;
        putIfSet(json, "type", type);
        putIfSet(json, "config", config);
        putIfSet(json, "res", res);
        putIfSet(json, "bit_depth", bitDepth);
        if (tier != null) {
            switch (tier.strip().toLowerCase(Locale.ROOT)) {
                case "standard" -> json.put("repair_style", EnhanceParams.STANDARD);
                case "pro" -> json.put("repair_style", EnhanceParams.PRO);
                default -> throw invalidParameters("the restoration tier must be Standard or Pro", List.of("--tier"));
            }
        }
        return json;
    }

    /**
     * PARAMS as JSON: {@code @FILE} holds one JSON object (any layout, at most {@link #MAX_PARAMS_FILE_BYTES}),
     * text starting with {@code {} or {@code [} is inline JSON, anything else names the video. A JSON error gives
     * where the text went wrong, never the text itself (a file may hold anything).
     */
    private JsonNode readParams(CliContext context) {
        Optional<Path> file = ArgumentFile.reference(params, context);
        String what = file.map(path -> "PARAMS file " + path).orElse("PARAMS");
        try {
            if (file.isPresent()) {
                return present(
                        JSON.readTree(ArgumentFile.read(file.get(), "PARAMS file", MAX_PARAMS_FILE_BYTES)), what);
            }
            String text = params.strip();
            if (!text.startsWith("{") && !text.startsWith("[")) {
                return JSON.createObjectNode().put("video", text);
            }
            return present(JSON.readTree(text), what);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw CliException.invalidInput(what + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; it must hold one JSON object");
        } catch (IOException e) {
            throw CliException.invalidInput(
                    "cannot read " + what + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static JsonNode present(JsonNode node, String what) {
        if (node == null || node.isMissingNode()) {
            throw CliException.invalidInput(what + " is empty; it must hold one JSON object");
        }
        return node;
    }

    /** The parameters, or one error line naming every violation (so all can be fixed at once). */
    private static EnhanceParams validate(ObjectNode json) {
        EnhanceParams.Parsed parsed = EnhanceParams.parse(json);
        if (parsed instanceof EnhanceParams.Invalid invalid) {
            throw invalidParameters(invalid.message(), invalid.parameters());
        }
        return ((EnhanceParams.Valid) parsed).params();
    }

    /**
     * Invalid input in the user's words; the parameter names (which a person is not shown) go in
     * {@code "Code"} and {@code "Parameters"} for programs.
     */
    public static CliException invalidParameters(String message, List<String> parameters) {
        return new CliException(
                ExitCodes.INVALID_INPUT, message, Map.of("Code", "InvalidParameter", "Parameters", parameters), null);
    }

    private static void putIfSet(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
