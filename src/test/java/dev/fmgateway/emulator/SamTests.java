package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import tools.jackson.databind.JsonNode;

class SamTests {

    private static final String IMAGE = ImageCodec.encodeBase64(ImageCodec.render(200, 100, 3, false), "png");

    static byte[] decodeMask(JsonNode mask) {
        byte[] compressed = Base64.getDecoder().decode(mask.get("counts").asString());
        try (var in = new InflaterInputStream(new java.io.ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void masksADiscAroundAForegroundPointAndTheBoxes() {
        JsonNode body = SageMakerTests.json(SageMakerTests.invoke("emulator-sam", "application/json", """
                {"image":"%s","points":[[50,50]],"labels":[1],"boxes":[[150,10,190,30]]}""".formatted(IMAGE)));

        assertThat(body.get("masks")).hasSize(1);
        assertThat(body.get("scores")).hasSize(1);
        JsonNode mask = body.at("/masks/0");
        assertThat(mask.get("compression").asString()).isEqualTo("zlib_base64");
        assertThat(mask.get("dtype").asString()).isEqualTo("uint8");
        assertThat(mask.at("/shape/0").asInt()).isEqualTo(100);
        assertThat(mask.at("/shape/1").asInt()).isEqualTo(200);
        byte[] pixels = decodeMask(mask);
        assertThat(pixels).hasSize(200 * 100);
        assertThat(pixels[50 * 200 + 50]).isEqualTo((byte) 1);   // the point (radius 10 px)
        assertThat(pixels[50 * 200 + 58]).isEqualTo((byte) 1);
        assertThat(pixels[50 * 200 + 62]).isEqualTo((byte) 0);
        assertThat(pixels[20 * 200 + 170]).isEqualTo((byte) 1);  // inside the box
        assertThat(pixels[90 * 200 + 120]).isEqualTo((byte) 0);
    }

    @Test
    void multimaskGivesThreeGrowingMasksAndBackgroundPointsCarveHoles() {
        JsonNode body = SageMakerTests.json(SageMakerTests.invoke("emulator-sam", "application/json", """
                {"image":"%s","points":[[100,50],[100,50]],"labels":[1,0],"boxes":[[0,0,199,99]],"multimask_output":true}"""
                .formatted(IMAGE)));

        assertThat(body.get("masks")).hasSize(3);
        int[] ones = new int[3];
        for (int k = 0; k < 3; k++) {
            for (byte b : decodeMask(body.at("/masks/" + k))) {
                ones[k] += b;
            }
        }
        assertThat(ones[0]).isGreaterThan(ones[1]);
        assertThat(ones[1]).isGreaterThan(ones[2]);
        assertThat(body.at("/scores/0").asDouble()).isGreaterThan(body.at("/scores/2").asDouble());
    }

    @Test
    void rejectsMismatchedLabelsAndBadImages() {
        assertThat(SageMakerTests.failure("emulator-sam", """
                {"image":"%s","points":[[1,1],[2,2]],"labels":[1]}""".formatted(IMAGE)))
                .isInstanceOf(ModelErrorException.class).hasMessageContaining("one entry per point");
        Throwable badImage = SageMakerTests.failure("emulator-sam", "{\"image\":\"aGVsbG8=\",\"points\":[[1,1]],\"labels\":[1]}");
        assertThat(badImage).isInstanceOf(ModelErrorException.class);
        assertThat(((ModelErrorException) badImage).originalStatusCode()).isEqualTo(400);
    }
}
