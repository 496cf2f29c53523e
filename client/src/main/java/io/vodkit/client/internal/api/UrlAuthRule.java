package io.vodkit.client.internal.api;

import java.time.Duration;

/**
 * One {@code SignedUrlAuthRules[].SignedUrlAuthAction} of DescribeDomainConfig (spec §10.4). {@link #toString()}
 * hides the keys.
 *
 * @param urlAuthType     e.g. {@code typea}
 * @param masterSecretKey primary key ({@code ""} if none)
 * @param backupSecretKey backup key ({@code ""} if none)
 * @param signName        query parameter name of the token ({@code ""} = the type's default, {@code auth_key})
 * @param validity        how long a URL stays valid after its timestamp ({@link Duration#ZERO} if not given)
 */
public record UrlAuthRule(
        String urlAuthType, String masterSecretKey, String backupSecretKey, String signName, Duration validity) {

    public static final String TYPE_A = "typea";

    public boolean isTypeA() {
        return TYPE_A.equalsIgnoreCase(urlAuthType);
    }

    /** The master key, or the backup key when there is no master; {@code ""} when neither is set. */
    public String signingKey() {
        return masterSecretKey.isEmpty() ? backupSecretKey : masterSecretKey;
    }

    @Override
    public String toString() {
        return "UrlAuthRule[urlAuthType=" + urlAuthType + ", masterSecretKey=██, backupSecretKey=██, signName="
                + signName + ", validity=" + validity + "]";
    }
}
