package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;

/** The emulator's Cohere Embed bodies (reference chat-apis-wire §2.1), answered and refused as Bedrock does. */
class CohereEmbeddingsTests {

    private static final String V3 = "cohere.embed-multilingual-v3";

    private static final String V4 = "cohere.embed-v4:0";

    @Test
    void oneVectorPerTextWithTokensInTheHeaderOnly() {
        InvokeModelResponse response = TestEmulator.invoke(V3, """
                {"texts":["Xin chào thế giới","Hello world"],"input_type":"search_document"}""");
        JsonNode body = Json.MAPPER.readTree(response.body().asUtf8String());

        assertThat(body.path("embeddings")).hasSize(2);
        assertThat(body.path("embeddings").path(0)).hasSize(1024);
        assertThat(body.path("texts").path(0).asString()).isEqualTo("Xin chào thế giới");
        assertThat(body.path("response_type").asString()).isEqualTo("embeddings_floats");
        assertThat(TestEmulator.header(response, "X-Amzn-Bedrock-Input-Token-Count"))
            .isEqualTo(Integer.toString(Tokenizer.count("Xin chào thế giới") + Tokenizer.count("Hello world")));

        JsonNode byType = Json.MAPPER.readTree(TestEmulator.invoke(V4, """
                {"texts":["a"],"input_type":"search_query","output_dimension":512,"embedding_types":["float"]}""")
            .body().asUtf8String());
        assertThat(byType.path("embeddings").path("float").path(0)).hasSize(512);
        assertThat(byType.path("response_type").asString()).isEqualTo("embeddings_by_type");
    }

    @Test
    void badBodiesAreRefused() {
        String many = "[\"" + String.join("\",\"", Collections.nCopies(97, "x")) + "\"]";
        assertThatThrownBy(() -> TestEmulator.invoke(V3, "{\"texts\":" + many + ",\"input_type\":\"search_document\"}"))
            .isInstanceOf(ValidationException.class).hasMessageContaining("maximum item count: 96");
        assertThatThrownBy(() -> TestEmulator.invoke(V3, "{\"texts\":[\"x\"]}"))
            .isInstanceOf(ValidationException.class).hasMessageContaining("input_type");
        assertThatThrownBy(() -> TestEmulator.invoke(V3, "{\"texts\":[\"x\"],\"input_type\":\"query\"}"))
            .isInstanceOf(ValidationException.class).hasMessageContaining("input_type");
        assertThatThrownBy(() -> TestEmulator.invoke(V3, "{\"texts\":[\"x\"],\"input_type\":\"search_query\",\"output_dimension\":256}"))
            .isInstanceOf(ValidationException.class).hasMessageContaining("output_dimension");
        assertThatThrownBy(() -> TestEmulator.invoke(V4, "{\"texts\":[\"x\"],\"input_type\":\"search_query\",\"output_dimension\":300}"))
            .isInstanceOf(ValidationException.class).hasMessageContaining("output_dimension");
        assertThatThrownBy(() -> TestEmulator.invoke(V3, "{\"texts\":[\"" + "x".repeat(2049) + "\"],\"input_type\":\"search_query\"}"))
            .isInstanceOf(ValidationException.class).hasMessageContaining("more than 2048");
        assertThatThrownBy(() -> TestEmulator.invoke(V3, "{\"input_type\":\"search_query\"}"))
            .isInstanceOf(ValidationException.class).hasMessageContaining("exactly one of [texts, images]");
    }
}
