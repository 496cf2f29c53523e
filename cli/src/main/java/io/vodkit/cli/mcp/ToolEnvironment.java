package io.vodkit.cli.mcp;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.backend.LocalEmulator;
import io.vodkit.cli.config.Settings;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment tool calls run in: the server's own, with its flags written over it. Without credentials the
 * server starts the local emulator in the background at once (or finds the one serving the data folder) and says so
 * on stderr; each call's command reaches it as any vodkit command does, so calls and commands run from a shell share
 * it and the ledger, and the URLs a call returns keep playing after the server exits.
 */
final class ToolEnvironment {
    private final Map<String, String> base;

    private ToolEnvironment(Map<String, String> base) {
        this.base = Map.copyOf(base);
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
        if (Backend.usesLocalEmulator(settings)) {
            LocalEmulator.connect(settings, settings.spaceName().orElse(Backend.LOCAL_DEFAULT_SPACE), context);
        }
        return new ToolEnvironment(env);
    }

    /** The environment of one call; a space it names becomes its {@code VOD_SPACE_NAME}. */
    Map<String, String> forCall(ToolCall call) {
        Map<String, String> env = new HashMap<>(base);
        env.putAll(call.env());
        call.space().ifPresent(space -> env.put("VOD_SPACE_NAME", space));
        return env;
    }
}
