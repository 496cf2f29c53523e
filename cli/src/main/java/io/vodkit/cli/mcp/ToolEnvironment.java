package io.vodkit.cli.mcp;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.Settings;
import io.vodkit.emulator.Emulator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment tool calls run in: the server's own, with its flags written over it. Without credentials the
 * server starts the embedded emulator once and points every call at it, so that the URLs a call returns keep
 * playing for as long as the server runs (a command on its own stops its emulator when it exits).
 */
final class ToolEnvironment implements AutoCloseable {
    private final Map<String, String> base;
    private final Optional<Emulator> emulator;

    private ToolEnvironment(Map<String, String> base, Optional<Emulator> emulator) {
        this.base = Map.copyOf(base);
        this.emulator = emulator;
    }

    /** @param flags the server's service flags under the names of the variables they override */
    static ToolEnvironment open(CliContext context, Map<String, String> flags) {
        Settings settings = Settings.resolve(flags, context.env(), context.workingDir());
        Map<String, String> env = new HashMap<>(context.env());
        flags.forEach((name, value) -> {
            if (value != null) {
                env.put(name, value);
            }
        });
        if (!Backend.usesLocalEmulator(settings)) {
            return new ToolEnvironment(env, Optional.empty());
        }
        String space = settings.spaceName().orElse(Backend.LOCAL_DEFAULT_SPACE);
        Emulator emulator = Backend.startEmbedded(settings, space, context.err());
        env.put("VOD_ENDPOINT", emulator.endpoint().toString());
        env.put("VOD_REGION", emulator.region());
        env.put("BYTEPLUS_ACCESSKEY", emulator.accessKey());
        env.put("BYTEPLUS_SECRETKEY", emulator.secretKey());
        env.put("VOD_SPACE_NAME", space);
        return new ToolEnvironment(env, Optional.of(emulator));
    }

    /** The environment of one call; a space it names becomes its {@code VOD_SPACE_NAME} (and known locally). */
    Map<String, String> forCall(ToolCall call) {
        Map<String, String> env = new HashMap<>(base);
        env.putAll(call.env());
        call.space().ifPresent(space -> {
            try {
                emulator.ifPresent(local -> local.registerSpace(space));
            } catch (IllegalArgumentException invalid) {
                throw CliException.invalidInput(invalid.getMessage());
            }
            env.put("VOD_SPACE_NAME", space);
        });
        return env;
    }

    @Override
    public void close() {
        emulator.ifPresent(Emulator::close);
    }
}
