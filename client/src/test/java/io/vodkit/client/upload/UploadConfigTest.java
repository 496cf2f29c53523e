package io.vodkit.client.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.client.internal.upload.PartPlan;
import org.junit.jupiter.api.Test;

/** How many parts an upload sends at once. */
class UploadConfigTest {

    @Test
    void autoConcurrencyFollowsThePlanAndAnExplicitOneWins() {
        PartPlan plan = PartPlan.of(512L * 1024 * 1024, 20L * 1024 * 1024);

        assertThat(UploadConfig.defaults().partsInFlight(plan)).isEqualTo(8);
        assertThat(UploadConfig.builder().partsInFlight(3).build().partsInFlight(plan))
                .isEqualTo(3);
    }
}
