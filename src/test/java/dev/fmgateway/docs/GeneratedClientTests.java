package dev.fmgateway.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.fmgateway.client.ApiClient;
import dev.fmgateway.client.ApiException;
import dev.fmgateway.client.ApiResponse;
import dev.fmgateway.client.api.CatalogApi;
import dev.fmgateway.client.api.EmbeddingsApi;
import dev.fmgateway.client.api.ImagesApi;
import dev.fmgateway.client.api.TextApi;
import dev.fmgateway.client.model.Backend;
import dev.fmgateway.client.model.Capability;
import dev.fmgateway.client.model.EmbeddingRequest;
import dev.fmgateway.client.model.EmbeddingResponse;
import dev.fmgateway.client.model.FinishReason;
import dev.fmgateway.client.model.ImageGenerationRequest;
import dev.fmgateway.client.model.ImageGenerationResponse;
import dev.fmgateway.client.model.PointPrompt;
import dev.fmgateway.client.model.Problem;
import dev.fmgateway.client.model.Role;
import dev.fmgateway.client.model.SegmentationRequest;
import dev.fmgateway.client.model.SegmentationResponse;
import dev.fmgateway.client.model.SimilarityRequest;
import dev.fmgateway.client.model.SimilarityResponse;
import dev.fmgateway.client.model.TextGenerationRequest;
import dev.fmgateway.client.model.TextGenerationResponse;
import dev.fmgateway.client.model.TextMessage;
import dev.fmgateway.support.GatewayIntegrationTest;

/**
 * The Java client that the build generates from the committed {@code docs/openapi.json} (openapi-generator,
 * {@code native} library) works against the running gateway, unmodified: every model route and an error.
 */
class GeneratedClientTests extends GatewayIntegrationTest {

    private static final String SAM_ENDPOINT = "jumpstart-dft-meta-vs-sam-2-1-hiera-large";

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + this.port);
        client.setReadTimeout(Duration.ofSeconds(30));
        return client;
    }

    @Test
    void textGeneration() throws ApiException {
        ApiResponse<TextGenerationResponse> response = new TextApi(client()).generateTextWithHttpInfo(
                new TextGenerationRequest().model("claude-haiku-4-5")
                    .system("Answer briefly.")
                    .messages(List.of(new TextMessage().role(Role.USER).content("Name three colours")))
                    .maxTokens(100),
                null, "generated-client-1");

        TextGenerationResponse body = response.getData();
        assertThat(body.getOutput()).isNotBlank();
        assertThat(body.getModel()).isEqualTo("claude-haiku-4-5");
        assertThat(body.getBackend()).isEqualTo(Backend.BEDROCK);
        assertThat(body.getFinishReason()).isEqualTo(FinishReason.STOP);
        assertThat(body.getUsage().getInputTokens()).isPositive();
        assertThat(body.getCost().getUsd()).isPositive();
        assertThat(response.getHeaders().get("X-Request-Id")).containsExactly("generated-client-1");
        assertThat(response.getHeaders().get("X-Gateway-Model")).containsExactly("claude-haiku-4-5");
    }

    @Test
    void embeddingsAndSimilarity() throws ApiException {
        EmbeddingsApi embeddings = new EmbeddingsApi(client());
        EmbeddingResponse vectors = embeddings.createEmbeddings(new EmbeddingRequest().model("titan-embed-text-v2")
            .input(List.of("red apples", "green pears"))
            .dimensions(256), null, null);

        assertThat(vectors.getData()).hasSize(2);
        assertThat(vectors.getData().get(1).getIndex()).isEqualTo(1);
        assertThat(vectors.getData()).allSatisfy(item -> assertThat(item.getEmbedding()).hasSize(256));
        assertThat(vectors.getUsage().getInputTokens()).isPositive();

        SimilarityResponse ranked = embeddings.rankBySimilarity(new SimilarityRequest().model("titan-embed-text-v2")
            .query("red apples")
            .candidates(List.of("blue cars", "red apples"))
            .topK(1), null, null);
        assertThat(ranked.getResults()).singleElement()
            .satisfies(result -> assertThat(result.getText()).isEqualTo("red apples"));
    }

    @Test
    void imageGenerationGivesDecodablePngs() throws Exception {
        ImageGenerationResponse response = new ImagesApi(client()).generateImages(
                new ImageGenerationRequest().model("titan-image-v1").prompt("a lighthouse at dusk").width(512)
                    .height(512).count(2).seed(42L),
                null, null);

        assertThat(response.getImages()).hasSize(2).allSatisfy(image -> {
            assertThat(image.getMimeType()).isEqualTo("image/png");
            BufferedImage png = png(image.getBase64());
            assertThat(png.getWidth()).isEqualTo(512);
            assertThat(png.getHeight()).isEqualTo(512);
        });
        assertThat(response.getUsage().getImages()).isEqualTo(2);
        assertThat(response.getCost().getUsd()).isPositive();
    }

    @Test
    void segmentation() throws Exception {
        byte[] image = new ImagesApi(client()).generateImages(new ImageGenerationRequest().model("titan-image-v1")
            .prompt("a red ball")
            .width(512)
            .height(512), null, null).getImages().getFirst().getBase64();
        SegmentationRequest request = new SegmentationRequest().model("sam-2-1")
            .image(image)
            .points(List.of(new PointPrompt().x(256).y(256).label(1)));

        SegmentationResponse response = new ImagesApi(client()).segmentImage(request, null, null);
        assertThat(response.getWidth()).isEqualTo(512);
        assertThat(response.getMasks()).isNotEmpty().allSatisfy(mask -> {
            assertThat(png(mask.getBase64()).getWidth()).isEqualTo(512);
            assertThat(mask.getBbox()).isNotNull();
        });
    }

    @Test
    void segmentationOfSomethingThatIsNotAnImageIsA400Problem() {
        SegmentationRequest request = new SegmentationRequest().model("sam-2-1")
            .image("not an image".getBytes())
            .points(List.of(new PointPrompt().x(1).y(1).label(1)));

        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> new ImagesApi(client()).segmentImage(request, null, null))
            .satisfies(ex -> {
                assertThat(ex.getCode()).isEqualTo(400);
                Problem problem = problem(ex);
                assertThat(problem.getCode()).isEqualTo("INVALID_REQUEST");
                assertThat(problem.getFieldErrors()).singleElement()
                    .satisfies(error -> assertThat(error.getField()).isEqualTo("image"));
            });
    }

    @Test
    void unknownModelSurfacesAsA404WithItsProblem() {
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> new TextApi(client()).generateText(
                    new TextGenerationRequest().model("claude-haiku-45").prompt("hi"), null, "generated-client-404"))
            .satisfies(ex -> {
                assertThat(ex.getCode()).isEqualTo(404);
                Problem problem = problem(ex);
                assertThat(problem.getCode()).isEqualTo("MODEL_NOT_FOUND");
                assertThat(problem.getRequestId()).isEqualTo("generated-client-404");
                assertThat(problem.getCloseMatches()).contains("claude-haiku-4-5");
            });
    }

    @Test
    void catalog() throws ApiException {
        CatalogApi catalog = new CatalogApi(client());
        assertThat(catalog.listModels(Capability.EMBEDDING, null, null, null, null).getModels()).isNotEmpty()
            .allSatisfy(model -> assertThat(model.getCapabilities()).contains(Capability.EMBEDDING));
        assertThat(catalog.getModel("anthropic.claude-3-haiku-20240307-v1:0", null).getId()).isEqualTo("claude-3-haiku");
    }

    private Problem problem(ApiException ex) {
        return client().getObjectMapper().readValue(ex.getResponseBody(), Problem.class);
    }

    private static BufferedImage png(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("a decodable image").isNotNull();
            return image;
        }
        catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }
}
