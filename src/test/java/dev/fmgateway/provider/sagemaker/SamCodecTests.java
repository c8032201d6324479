package dev.fmgateway.provider.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.SegmentationResult;
import dev.fmgateway.problem.UpstreamErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Segment Anything bodies and the {@code zlib_base64} masks of every documented shape (reference §7.3). */
class SamCodecTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SamCodec CODEC = new SamCodec();

    /** 4 × 3 image; its mask has pixels (2, 1) and (3, 2). */
    private static final SegmentationInput INPUT = new SegmentationInput(new byte[] { 1, 2 }, 4, 3,
            List.of(new SegmentationInput.Point(2, 1, 1)), List.of(), false);

    private static final byte[] PIXELS = { 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 };

    static String zlib(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[raw.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer, n));
    }

    static String mask(byte[] raw, String shape, String dtype) {
        return """
                {"counts":"%s","compression":"zlib_base64","shape":%s,"dtype":"%s"}""".formatted(zlib(raw), shape, dtype);
    }

    static BufferedImage png(SegmentationResult.Mask mask) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(mask.png()));
    }

    private static List<SegmentationResult.Mask> masks(String record, int object, SegmentationInput input) {
        return CODEC.objectMasks(List.of(JSON.readTree(record)), object, input, "sam");
    }

    private static void assertTheMask(SegmentationResult.Mask mask) throws IOException {
        BufferedImage png = png(mask);
        assertThat(png.getWidth()).isEqualTo(4);
        assertThat(png.getHeight()).isEqualTo(3);
        for (int i = 0; i < PIXELS.length; i++) {
            assertThat(png.getRaster().getSample(i % 4, i / 4, 0)).as("pixel %d", i).isEqualTo(PIXELS[i] * 255);
        }
        assertThat(mask.bbox()).isEqualTo(new SegmentationInput.Box(2, 1, 3, 2));
    }

    @Test
    void masksOfShapeHwAnd1HwDecodeToPngsOfTheInput() throws IOException {
        for (String shape : List.of("[3,4]", "[1,3,4]")) {
            List<SegmentationResult.Mask> masks = masks("{\"frame_idx\":0,\"obj_ids\":[1],\"masks\":[%s]}"
                .formatted(mask(PIXELS, shape, "bool")), 1, INPUT);
            assertThat(masks).hasSize(1);
            assertTheMask(masks.getFirst());
            assertThat(masks.getFirst().score()).isNull();
        }
    }

    @Test
    void anNhwMaskHoldsOnePlanePerObject() throws IOException {
        byte[] two = new byte[24];
        System.arraycopy(PIXELS, 0, two, 12, 12);
        SegmentationInput boxes = new SegmentationInput(new byte[0], 4, 3, List.of(),
                List.of(new SegmentationInput.Box(0, 0, 1, 1), new SegmentationInput.Box(2, 1, 3, 2)), false);
        String record = "{\"obj_ids\":[1,2],\"masks\":%s}".formatted(mask(two, "[2,3,4]", "uint8"));

        assertThat(png(masks(record, 1, boxes).getFirst()).getRaster().getSample(2, 1, 0)).isZero();
        assertTheMask(masks(record, 2, boxes).getFirst());
    }

    @Test
    void everyNumpyDtypeCountsValuesAboveZero() throws IOException {
        ByteBuffer floats = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer bigInts = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        for (byte pixel : PIXELS) {
            floats.putFloat(pixel == 1 ? 0.7f : -3.5f);
            bigInts.putShort((short) (pixel == 1 ? 9 : -9));
        }
        assertTheMask(masks("{\"masks\":[%s]}".formatted(mask(floats.array(), "[3,4]", "<f4")), 1, INPUT).getFirst());
        assertTheMask(masks("{\"masks\":[%s]}".formatted(mask(floats.array(), "[3,4]", "float32")), 1, INPUT).getFirst());
        assertTheMask(masks("{\"masks\":[%s]}".formatted(mask(bigInts.array(), "[3,4]", ">i2")), 1, INPUT).getFirst());
    }

    @Test
    void aMaskOfAnotherSizeIsScaledToTheInput() throws IOException {
        byte[] half = { 0, 1 }; // 1 × 2: the right half
        SegmentationResult.Mask mask = masks("{\"masks\":[%s]}".formatted(mask(half, "[1,2]", "uint8")), 1, INPUT)
            .getFirst();

        BufferedImage png = png(mask);
        assertThat(png.getWidth()).isEqualTo(4);
        assertThat(png.getRaster().getSample(1, 2, 0)).isZero();
        assertThat(png.getRaster().getSample(2, 0, 0)).isEqualTo(255);
        assertThat(mask.bbox()).isEqualTo(new SegmentationInput.Box(2, 0, 3, 2));
    }

    @Test
    void badMasksAreUpstreamErrors() {
        assertThatThrownBy(() -> masks("{\"masks\":[%s]}".formatted(mask(new byte[5], "[3,4]", "uint8")), 1, INPUT))
            .isInstanceOf(UpstreamErrorException.class).hasMessageContaining("fewer values");
        assertThatThrownBy(() -> masks("{\"masks\":[%s]}".formatted(mask(PIXELS, "[3,4]", "complex64")), 1, INPUT))
            .isInstanceOf(UpstreamErrorException.class).hasMessageContaining("dtype");
        assertThatThrownBy(() -> masks("{\"masks\":[%s]}".formatted(mask(new byte[36], "[3,3,4]", "uint8")), 1, INPUT))
            .isInstanceOf(UpstreamErrorException.class).hasMessageContaining("more masks than the request allows");
        assertThatThrownBy(() -> masks("{\"obj_ids\":[7],\"masks\":[%s]}".formatted(mask(PIXELS, "[3,4]", "uint8")), 1, INPUT))
            .isInstanceOf(UpstreamErrorException.class).hasMessageContaining("no mask for object 1");
    }

    @Test
    void promptsFollowTheContainerProtocol() {
        SegmentationInput input = new SegmentationInput(new byte[] { 7 }, 4, 3,
                List.of(new SegmentationInput.Point(2, 1, 1)),
                List.of(new SegmentationInput.Box(0, 0, 3, 2), new SegmentationInput.Box(1, 1, 2, 2)), true);
        JsonNode start = JSON.valueToTree(CODEC.start(input));
        assertThat(start.toString()).isEqualTo("{\"type\":\"start_session\",\"input_type\":\"image\",\"path\":\"Bw==\"}");
        List<SamCodec.Prompt> prompts = CODEC.prompts(input, "s-1");
        assertThat(prompts).extracting(SamCodec.Prompt::objectId).containsExactly(1, 2);
        assertThat(JSON.valueToTree(prompts.getFirst().body()).toString()).isEqualTo("""
                {"type":"add_box","session_id":"s-1","frame_index":0,"object_id":1,"box":[0,0,3,2],"points":[[2,1]],\
                "labels":[1]}""");
        assertThat(JSON.valueToTree(CODEC.prompts(INPUT, "s-1").getFirst().body()).toString()).isEqualTo("""
                {"type":"add_points","session_id":"s-1","frame_index":0,"object_id":1,"points":[[2,1]],"labels":[1],\
                "clear_old_points":true}""");
        assertThat(JSON.valueToTree(CODEC.close("s-1")).toString())
            .isEqualTo("{\"type\":\"close_session\",\"session_id\":\"s-1\"}");
    }

    @Test
    void oneShotAnswersCarryScores() throws IOException {
        SegmentationResult result = CODEC.oneShotResponse(JSON.readTree("{\"masks\":[%s],\"scores\":[0.93]}"
            .formatted(mask(PIXELS, "[3,4]", "uint8"))), INPUT, "sam");

        assertThat(result.masks()).hasSize(1);
        assertThat(result.masks().getFirst().score()).isEqualTo(0.93);
        assertTheMask(result.masks().getFirst());
        assertThat(JSON.valueToTree(CODEC.oneShot(INPUT)).path("multimask_output").asBoolean()).isFalse();
    }
}
