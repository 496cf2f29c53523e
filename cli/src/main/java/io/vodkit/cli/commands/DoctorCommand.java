package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.doctor.Check;
import io.vodkit.cli.doctor.LocalChecks;
import io.vodkit.cli.doctor.ServiceChecks;
import io.vodkit.cli.output.JsonLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code vodkit doctor [SPACE]}: checks what vodkit needs and prints one JSON line
 * {@code {"ok", "checks": [{"name", "ok", "essential", "detail"}…]}}; exit 0 when every essential check passed.
 */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Check the setup and print one JSON line {\"ok\",\"service\",\"checks\":[{\"name\",\"ok\","
                    + "\"essential\",\"detail\"}…]}; exit 0 when every essential check passed, 1 otherwise.",
            "\"service\" names the service checked: \"BytePlus at URL\", or \"local emulator: no BytePlus account "
                    + "configured\" (then the credentials check fails, not essential: commands work locally).",
            "Checks: credentials (set, incomplete, or none: the local emulator), the endpoint being reachable, the "
                    + "credentials being accepted (a signed QueryUploadTaskInfo), the space, the clock against the "
                    + "server's Date (refused beyond 15 min), $VODKIT_HOME writable, ffmpeg/ffprobe (optional: "
                    + "only the local emulator's media features need them)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit doctor            # the settings every command would use",
            "  vodkit doctor my_space   # and that this space exists"
        })
public final class DoctorCommand implements Callable<Integer> {
    private static final String NO_ACCOUNT = "no BytePlus account configured";

    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPACE", description = "VOD space (VOD_SPACE_NAME).")
    String space;

    @Mixin
    ServiceOptions service;

    public DoctorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>();
        Settings settings;
        try {
            settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        } catch (CliException invalid) {
            checks.add(Check.fail("settings", invalid.getMessage()));
            return report("none: the settings are invalid", checks);
        }
        Optional<String> spaceName =
                Optional.ofNullable(space).filter(name -> !name.isBlank()).or(settings::spaceName);
        boolean local = Backend.usesLocalEmulator(settings);
        String serviceName = local
                ? "local emulator: " + NO_ACCOUNT
                : "BytePlus at " + settings.endpoint().orElse(Settings.DEFAULT_ENDPOINT);
        // Without a space the cloud checks still run; only the space check says what is missing.
        try (Backend backend =
                Backend.open(settings, Optional.of(spaceName.orElse(Backend.LOCAL_DEFAULT_SPACE)), context)) {
            checks.add(
                    local
                            ? new Check(
                                    "credentials",
                                    false,
                                    false,
                                    NO_ACCOUNT + ": commands use the local "
                                            + "emulator (data in " + settings.localDataDir()
                                            + "); set BYTEPLUS_ACCESSKEY and "
                                            + "BYTEPLUS_SECRETKEY to use BytePlus")
                            : Check.pass(
                                    "credentials",
                                    "set for " + serviceName + ", region " + settings.region()
                                            + "; the signed call below shows whether the service accepts them"));
            checks.addAll(
                    ServiceChecks.run(backend.client(), local ? Optional.of(backend.spaceName()) : spaceName, local));
        } catch (CliException misconfigured) {
            checks.add(Check.fail("credentials", misconfigured.getMessage()));
        }
        checks.add(LocalChecks.home(settings.home()));
        checks.add(LocalChecks.ffmpeg(settings));
        return report(serviceName, checks);
    }

    /** @param serviceName the service checked, e.g. {@code BytePlus at https://…} */
    private int report(String serviceName, List<Check> checks) {
        boolean ok = checks.stream().allMatch(check -> check.ok() || !check.essential());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ok", ok);
        line.put("service", serviceName);
        line.put("checks", checks);
        new JsonLines(context.out()).write(line);
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
