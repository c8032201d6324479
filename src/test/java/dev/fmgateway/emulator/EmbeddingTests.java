package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;

class EmbeddingTests {

    private static JsonNode body(InvokeModelResponse response) {
        return Json.MAPPER.readTree(response.body().asUtf8String());
    }

    private static double[] vector(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double[] v2(String text) {
        return vector(body(TestEmulator.invoke("amazon.titan-embed-text-v2:0",
                "{\"inputText\":\"" + text + "\",\"dimensions\":256}")).get("embedding"));
    }

    @Test
    void textV1Has1536DimensionsAndOnlyTheInputHeader() {
        InvokeModelResponse response = TestEmulator.invoke("amazon.titan-embed-text-v1", "{\"inputText\":\"Hello embeddings world\"}");
        JsonNode body = body(response);

        assertThat(body.get("embedding")).hasSize(1536);
        assertThat(body.get("inputTextTokenCount").asInt()).isEqualTo(3);
        assertThat(TestEmulator.header(response, "X-Amzn-Bedrock-Input-Token-Count")).isEqualTo("3");
        assertThat(response.sdkHttpResponse().firstMatchingHeader("X-Amzn-Bedrock-Output-Token-Count")).isEmpty();
    }

    @Test
    void textV2HonoursDimensionsNormalizeAndTypes() {
        JsonNode body = body(TestEmulator.invoke("amazon.titan-embed-text-v2:0", """
                {"inputText":"the cat sat","dimensions":512,"normalize":true,"embeddingTypes":["float","binary"]}"""));
        double[] vector = vector(body.get("embedding"));
        assertThat(vector).hasSize(512);
        assertThat(Math.sqrt(java.util.Arrays.stream(vector).map(v -> v * v).sum())).isCloseTo(1.0, within(1e-3));
        assertThat(body.at("/embeddingsByType/float")).hasSize(512);
        assertThat(body.at("/embeddingsByType/binary")).hasSize(512);
        assertThat(body.at("/embeddingsByType/binary/0").asInt()).isEqualTo(vector[0] > 0 ? 1 : 0);

        JsonNode binaryOnly = body(TestEmulator.invoke("amazon.titan-embed-text-v2:0",
                "{\"inputText\":\"the cat sat\",\"embeddingTypes\":[\"binary\"]}"));
        assertThat(binaryOnly.has("embedding")).isFalse();
        assertThat(binaryOnly.at("/embeddingsByType/binary")).hasSize(1024);
    }

    @Test
    void similarTextsAreCloserThanUnrelatedOnes() {
        double[] cat = v2("the cat sat on the mat");
        double[] cat2 = v2("a cat sat on a mat");
        double[] stocks = v2("quarterly revenue grew strongly");

        assertThat(cosine(cat, v2("the cat sat on the mat"))).isCloseTo(1.0, within(1e-6));
        assertThat(cosine(cat, cat2)).isGreaterThan(0.5);
        assertThat(cosine(cat, stocks)).isLessThan(0.3);
    }

    @Test
    void multimodalEmbedsTextAndImage() {
        String png = ImageCodec.encodeBase64(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png");
        JsonNode body = body(TestEmulator.invoke("amazon.titan-embed-image-v1", """
                {"inputText":"red shoe","inputImage":"%s","embeddingConfig":{"outputEmbeddingLength":384}}""".formatted(png)));

        assertThat(body.get("embedding")).hasSize(384);
        assertThat(body.get("inputTextTokenCount").asInt()).isEqualTo(2);
    }

    @Test
    void rejectsWrongEmbeddingRequests() {
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.invokeModel(r -> r.modelId("amazon.titan-embed-text-v2:0")
                .body(SdkBytes.fromUtf8String("{\"inputText\":\"x\",\"dimensions\":300}")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("#/dimensions: 300 is not a valid enum value");
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.invokeModel(r -> r.modelId("amazon.titan-embed-text-v1")
                .body(SdkBytes.fromUtf8String("{\"inputText\":\"x\",\"dimensions\":256}")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("extraneous key [dimensions]");
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.invokeModel(r -> r.modelId("amazon.titan-embed-image-v1")
                .body(SdkBytes.fromUtf8String("{\"inputImage\":\"bm90IGFuIGltYWdl\"}")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Unable to decode the image");
    }
}
