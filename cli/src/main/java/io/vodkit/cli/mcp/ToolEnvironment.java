package io.vodkit.cli.mcp;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.backend.LocalEmulator;
import io.vodkit.cli.config.Settings;
import io.vodkit.emulator.owner.Lifetime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment tool calls run in: the server's own, with its flags written over it. Without credentials the
 * server holds the local emulator as a long-lived one (starting it, or using the one {@code vodkit serve} runs), so
 * that the URLs a call returns keep playing for as long as the server runs; each call's command reaches it as any
 * vodkit command does, so calls and commands run from a shell share the ledger.
 */
final class ToolEnvironment implements AutoCloseable {
    private final Map<String, String> base;
    private final Optional<LocalEmulator> emulator;

    private ToolEnvironment(Map<String, String> base, Optional<LocalEmulator> emulator) {
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
        return new ToolEnvironment(env, Optional.of(LocalEmulator.open(settings,
                settings.spaceName().orElse(Backend.LOCAL_DEFAULT_SPACE), Lifetime.LONG_LIVED, context)));
    }

    /** The environment of one call; a space it names becomes its {@code VOD_SPACE_NAME}. */
    Map<String, String> forCall(ToolCall call) {
        Map<String, String> env = new HashMap<>(base);
        env.putAll(call.env());
        call.space().ifPresent(space -> env.put("VOD_SPACE_NAME", space));
        return env;
    }

    @Override
    public void close() {
        emulator.ifPresent(LocalEmulator::close);
    }
}
