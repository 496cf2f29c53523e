package io.vodkit.client.pull;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PullJobStateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "initial, INITIAL",
        "init, INITIAL",
        "INIT, INITIAL",
        "processing, PROCESSING",
        "process, PROCESSING",
        "Processing, PROCESSING",
        "success, SUCCESS",
        "SUCCESS, SUCCESS",
        "failed, FAILED",
        "fail, FAILED",
        "Error, FAILED",
        "running, UNKNOWN",
        "'', UNKNOWN"
    })
    void bothVocabulariesMapToOneState(String spelling, PullJobState expected) {
        assertThat(PullJobState.of(spelling)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"INITIAL, false", "PROCESSING, false", "UNKNOWN, false", "SUCCESS, true", "FAILED, true"})
    void onlySuccessAndFailureAreFinal(PullJobState state, boolean isFinal) {
        assertThat(state.isFinal()).isEqualTo(isFinal);
    }
}
