package io.vodkit.cli.doctor;

import io.vodkit.client.VodClient;
import io.vodkit.client.VodException;
import io.vodkit.client.VodServiceException;
import io.vodkit.client.jobs.PollConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code vodkit doctor}'s checks of the service a client talks to: endpoint, signature, space and clock. */
public final class ServiceChecks {
    /** A JobId no service knows: QueryUploadTaskInfo answers it without touching any space. */
    private static final String PROBE_JOB_ID = "vodkit-doctor-probe";

    private ServiceChecks() {}

    /** Endpoint, signature, space and clock: each needs the one before it. */
    public static List<Check> run(VodClient client, Optional<String> spaceName, boolean local) {
        EndpointProbe probe = EndpointProbe.of(client.config().endpoint(), Clock.systemUTC());
        if (!probe.reachable()) {
            String skipped = "not checked: the endpoint is unreachable";
            return List.of(
                    Check.fail("endpoint", probe.detail()),
                    Check.fail("signature", skipped),
                    Check.fail("space", skipped),
                    Check.fail("clock", skipped));
        }
        List<Check> checks = new ArrayList<>(List.of(Check.pass("endpoint", probe.detail())));
        Check signature = signature(client, local);
        checks.add(signature);
        checks.add(
                !signature.ok()
                        ? Check.fail("space", "not checked: the signature was refused")
                        : spaceName
                                .map(name -> space(client, name))
                                .orElseGet(() -> new Check(
                                        "space", false, false, "no space set: commands need SPACE or VOD_SPACE_NAME")));
        checks.add(probe.serverTime()
                .map(server -> ClockSkew.between(probe.localTime(), server).check())
                .orElseGet(() -> new Check("clock", false, false, "the server sent no Date header; skew unknown")));
        return checks;
    }

    /** The credentials, checked with a signed call. */
    private static Check signature(VodClient client, boolean local) {
        try {
            client.pulls(PollConfig.DEFAULT).query(List.of(PROBE_JOB_ID));
            return Check.pass(
                    "signature",
                    local
                            ? "the local emulator accepted a request signed with its own keys "
                                    + "(QueryUploadTaskInfo)"
                            : "the service accepted a signed request (QueryUploadTaskInfo): the "
                                    + "credentials are valid");
        } catch (VodServiceException refused) {
            return Check.fail(
                    "signature",
                    (refused.isRefusal()
                                    ? "the service refused the credentials: check "
                                            + "BYTEPLUS_ACCESSKEY, BYTEPLUS_SECRETKEY and VOD_REGION ("
                                    : "a signed request failed (")
                            + refused.getMessage() + ")");
        } catch (VodException failed) {
            return Check.fail("signature", "a signed request failed: " + failed.getMessage());
        }
    }

    private static Check space(VodClient client, String spaceName) {
        try {
            int domains = client.playUrls().playDomains(spaceName).size();
            return Check.pass(
                    "space", spaceName + " exists (" + domains + " play domain" + (domains == 1 ? "" : "s") + ")");
        } catch (VodException failed) {
            return Check.fail("space", spaceName + " cannot be used: " + failed.getMessage());
        }
    }
}
