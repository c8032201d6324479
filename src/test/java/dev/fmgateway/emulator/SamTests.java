package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;
import tools.jackson.databind.JsonNode;

/** The SAM 2.1 session protocol (kind {@code sam}) and the one-shot custom container ({@code sam-one-shot}). */
class SamTests {

    /** 200 × 100, black, with a white 40 × 30 rectangle at (50, 20). */
    private static final String IMAGE = image();

    private static String image() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(50, 20, 40, 30);
        g.dispose();
        return ImageCodec.encodeBase64(image, "png");
    }

    @AfterEach
    void clearFaults() {
        TestEmulator.SERVER.faults().clear();
    }

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

    private static InvokeEndpointResponse invoke(String session, String body) {
        return TestEmulator.get(TestEmulator.SAGEMAKER.invokeEndpoint(r -> r.endpointName("emulator-sam")
                .contentType("application/json").sessionId(session).body(SdkBytes.fromUtf8String(body))));
    }

    private static Throwable invokeFailure(String session, String body) {
        return TestEmulator.failure(TestEmulator.SAGEMAKER.invokeEndpoint(r -> r.endpointName("emulator-sam")
                .contentType("application/json").sessionId(session).body(SdkBytes.fromUtf8String(body))));
    }

    private static SageMakerTests.Stream stream(String session, String body) {
        SageMakerTests.Stream stream = SageMakerTests.stream("emulator-sam", "application/jsonlines", body, session);
        TestEmulator.get(stream.done());
        return stream;
    }

    private static String start() {
        InvokeEndpointResponse response = invoke("NEW_SESSION", """
                {"type":"start_session","input_type":"image","path":"%s"}""".formatted(IMAGE));
        assertThat(response.newSessionId()).contains("; Expires=");
        return response.newSessionId().substring(0, response.newSessionId().indexOf(';'));
    }

    private static void close(String session) {
        InvokeEndpointResponse closed = invoke(session, "{\"type\":\"close_session\",\"session_id\":\"%s\"}".formatted(session));
        assertThat(closed.closedSessionId()).isEqualTo(session);
    }

    @Test
    void aPointMasksTheWholeFlatRectangleInASession() {
        int open = TestEmulator.SERVER.samSessions().open();
        String session = start();
        assertThat(TestEmulator.SERVER.samSessions().open()).isEqualTo(open + 1);

        SageMakerTests.Stream stream = stream(session, """
                {"type":"add_points","session_id":"%s","frame_index":0,"object_id":1,"points":[[60,30]],"labels":[1],
                 "clear_old_points":true}""".formatted(session));
        close(session);

        assertThat(stream.parts().size()).isGreaterThan(1);
        assertThat(stream.response().get().contentType()).isEqualTo("application/jsonlines");
        JsonNode record = Json.MAPPER.readTree(stream.text());
        assertThat(record.get("frame_idx").asInt()).isZero();
        assertThat(record.get("obj_ids").toString()).isEqualTo("[1]");
        JsonNode mask = record.at("/masks/0");
        assertThat(mask.get("compression").asString()).isEqualTo("zlib_base64");
        assertThat(mask.get("dtype").asString()).isEqualTo("bool");
        assertThat(mask.get("shape").toString()).isEqualTo("[1,100,200]");
        byte[] pixels = decodeMask(mask);
        int inside = 0;
        for (int i = 0; i < pixels.length; i++) {
            int x = i % 200;
            int y = i / 200;
            boolean inRectangle = x >= 50 && x < 90 && y >= 20 && y < 50;
            assertThat(pixels[i] == 1).as("pixel %d,%d", x, y).isEqualTo(inRectangle);
            inside += pixels[i];
        }
        assertThat(inside).isEqualTo(40 * 30);
        assertThat(TestEmulator.SERVER.samSessions().open()).isEqualTo(open);
    }

    @Test
    void boxesAreObjectsAndEveryRecordHasEveryObject() {
        String session = start();
        stream(session, """
                {"type":"add_box","session_id":"%s","frame_index":0,"object_id":1,"box":[0,0,9,9],"points":[],"labels":[]}"""
                .formatted(session));
        JsonNode record = Json.MAPPER.readTree(stream(session, """
                {"type":"add_box","session_id":"%s","frame_index":0,"object_id":2,"box":[100,50,119,59],
                 "points":[[110,55]],"labels":[0]}""".formatted(session)).text());
        close(session);

        assertThat(record.get("obj_ids").toString()).isEqualTo("[1,2]");
        byte[] first = decodeMask(record.at("/masks/0"));
        byte[] second = decodeMask(record.at("/masks/1"));
        assertThat(first[9 * 200 + 9]).isEqualTo((byte) 1);
        assertThat(first[10 * 200 + 10]).isZero();
        // the background point removes its region (the black background) from the box
        int count = 0;
        for (byte b : second) {
            count += b;
        }
        assertThat(count).isZero();
    }

    @Test
    void theProtocolIsCheckedStrictly() {
        String start = "{\"type\":\"start_session\",\"input_type\":\"image\",\"path\":\"%s\"}".formatted(IMAGE);
        assertThat(invokeFailure(null, start)).isInstanceOf(ModelErrorException.class).hasMessageContaining("NEW_SESSION");
        SageMakerTests.Stream newSessionStream = SageMakerTests.stream("emulator-sam", "application/jsonlines", start,
                "NEW_SESSION");
        assertThatThrownBy(() -> TestEmulator.get(newSessionStream.done())).isInstanceOf(ValidationErrorException.class);

        String session = start();
        String points = """
                {"type":"add_points","session_id":"%s","frame_index":0,"object_id":1,"points":[[1,1]],"labels":[1]}"""
                .formatted(session);
        assertThat(invokeFailure(session, points)).hasMessageContaining("InvokeEndpointWithResponseStream");
        SageMakerTests.Stream wrongBody = SageMakerTests.stream("emulator-sam", "application/jsonlines",
                points.replace(session, "another"), session);
        assertThatThrownBy(() -> TestEmulator.get(wrongBody.done())).hasMessageContaining("must be the session");
        close(session);
        SageMakerTests.Stream afterClose = SageMakerTests.stream("emulator-sam", "application/jsonlines", points, session);
        assertThatThrownBy(() -> TestEmulator.get(afterClose.done())).hasMessageContaining("is closed");
        assertThat(invokeFailure("nope", "{\"type\":\"close_session\",\"session_id\":\"nope\"}"))
                .hasMessageContaining("unknown session");
    }

    @Test
    void theOneShotContainerAnswersMasksAndScores() {
        JsonNode body = SageMakerTests.json(SageMakerTests.invoke("emulator-sam-one-shot", "application/json", """
                {"image":"%s","points":[[60,30]],"labels":[1],"boxes":[[150,70,190,90]],"multimask_output":true}"""
                .formatted(IMAGE)));

        assertThat(body.get("masks")).hasSize(3);
        assertThat(body.at("/masks/0/shape").toString()).isEqualTo("[100,200]");
        byte[] mask = decodeMask(body.at("/masks/0"));
        assertThat(mask[30 * 200 + 60]).isEqualTo((byte) 1);
        assertThat(mask[80 * 200 + 170]).isEqualTo((byte) 1);
        assertThat(mask[5 * 200 + 5]).isZero();
        assertThat(body.at("/scores/0").asDouble()).isGreaterThan(body.at("/scores/2").asDouble());
        assertThat(SageMakerTests.failure("emulator-sam-one-shot", """
                {"image":"%s","points":[[1,1],[2,2]],"labels":[1]}""".formatted(IMAGE)))
                .isInstanceOf(ModelErrorException.class).hasMessageContaining("one entry per point");
    }
}
