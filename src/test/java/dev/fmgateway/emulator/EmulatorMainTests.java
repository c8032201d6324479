package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EmulatorMainTests {

    @Test
    void parsesTheCommandLine() {
        EmulatorSettings settings = EmulatorMain.parse(new String[] { "--port", "4570", "--latency", "250ms",
                "--stream-interval", "0.5s", "--sagemaker-endpoint", "falcon=tgi", "--sagemaker-endpoint", "sam=sam" });

        assertThat(settings.port()).isEqualTo(4570);
        assertThat(settings.latency()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.streamInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.sagemakerEndpoints()).isEqualTo(Map.of("falcon", "tgi", "sam", "sam"));
        assertThat(settings.accessKeyId()).isEqualTo(EmulatorSettings.DEFAULT_ACCESS_KEY_ID);
        assertThat(EmulatorMain.parse(new String[0]).port()).isEqualTo(4566);
    }

    @Test
    void rejectsUnknownOptionsAndKinds() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--bogus", "1" })).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--sagemaker-endpoint", "x=gpt" }))
                .hasMessageContaining("Unknown SageMaker container kind");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--latency", "soon" })).hasMessageContaining("not a duration");
    }
}
