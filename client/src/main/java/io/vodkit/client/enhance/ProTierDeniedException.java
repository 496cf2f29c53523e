package io.vodkit.client.enhance;

import io.vodkit.client.VodException;
import io.vodkit.client.VodServiceException;
import java.util.Locale;

/** The service refused the Pro tier (HTTP 403 or "Permission denied"): the account is not allowlisted for it. */
public final class ProTierDeniedException extends VodException {

    /** Where BytePlus customers ask for Pro restoration to be enabled. */
    public static final String APPLY_URL = "https://console.byteplus.com/workorder/create";

    public ProTierDeniedException(VodServiceException cause) {
        super(
                "The Pro restoration tier is not enabled for this account (the service refused it: HTTP "
                        + cause.httpStatus()
                        + ", permission denied). BytePlus enables it only for allowlisted accounts: apply at "
                        + APPLY_URL + " (work order: enable Pro video enhancement), or use the Standard tier.",
                cause);
    }

    /** HTTP 403, or a message containing "Permission denied" (spec §4.3, as the skill documents it). */
    static boolean isProDenial(VodServiceException e) {
        String message = e.serviceMessage() == null ? "" : e.serviceMessage();
        return e.httpStatus() == 403 || message.toLowerCase(Locale.ROOT).contains("permission denied");
    }
}
