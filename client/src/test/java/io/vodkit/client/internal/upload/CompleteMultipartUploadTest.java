package io.vodkit.client.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompleteMultipartUploadTest {

    @Test
    void mergeBodyUsesZeroBasedPositionsLikeTheCapture() {
        assertThat(CompleteMultipartUpload.mergeBody(List.of("9adc7308", "27c43d05")))
                .isEqualTo("0:9adc7308,1:27c43d05");
        assertThat(CompleteMultipartUpload.mergeBody(List.of("00000000"))).isEqualTo("0:00000000");
    }
}
