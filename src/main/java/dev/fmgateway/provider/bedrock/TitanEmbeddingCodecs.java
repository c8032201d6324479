package dev.fmgateway.provider.bedrock;

import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.EmbeddingResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;

/**
 * The three Titan embedding families. They answer alike ({@code embedding}, {@code inputTextTokenCount}) and
 * differ in what the request may carry: G1 Text only {@code inputText}; V2 {@code dimensions} and
 * {@code normalize}; Multimodal G1 text and/or {@code inputImage} with {@code embeddingConfig}.
 */
@Configuration(proxyBeanMethods = false)
class TitanEmbeddingCodecs {

    @Bean
    EmbeddingCodec titanEmbedTextV1() {
        return new TitanEmbeddingCodec(PayloadFamily.TITAN_EMBED_TEXT_V1) {
            @Override
            public Object request(EmbeddingInput input) {
                return new TextV1(input.text());
            }
        };
    }

    @Bean
    EmbeddingCodec titanEmbedTextV2() {
        return new TitanEmbeddingCodec(PayloadFamily.TITAN_EMBED_TEXT_V2) {
            @Override
            public Object request(EmbeddingInput input) {
                return new TextV2(input.text(), input.dimensions(), input.normalize());
            }
        };
    }

    @Bean
    EmbeddingCodec titanEmbedImage() {
        return new TitanEmbeddingCodec(PayloadFamily.TITAN_EMBED_IMAGE) {
            @Override
            public Object request(EmbeddingInput input) {
                return new Multimodal(input.text(),
                        input.image() != null ? Base64.getEncoder().encodeToString(input.image()) : null,
                        input.dimensions() != null ? new MultimodalConfig(input.dimensions()) : null);
            }
        };
    }

    private abstract static class TitanEmbeddingCodec implements EmbeddingCodec {

        private final PayloadFamily family;

        TitanEmbeddingCodec(PayloadFamily family) {
            this.family = family;
        }

        @Override
        public PayloadFamily family() {
            return this.family;
        }

        @Override
        public EmbeddingResult response(JsonNode body, TokenCounts headers, EmbeddingInput input, String modelId) {
            JsonNode embedding = body.has("embedding") ? body.path("embedding")
                    : body.path("embeddingsByType").path("float");
            long tokens;
            boolean estimated = false;
            if (body.path("inputTextTokenCount").isNumber()) {
                tokens = body.path("inputTextTokenCount").asLong();
            }
            else if (headers.input() != null) {
                tokens = headers.input();
            }
            else {
                tokens = input.text() != null ? Usage.Tokens.estimate(input.text()) : 0;
                estimated = true;
            }
            return new EmbeddingResult(EmbeddingCodec.vector(embedding), new Usage.Tokens(tokens, 0, estimated));
        }
    }

    record TextV1(@Nullable String inputText) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TextV2(@Nullable String inputText, @Nullable Integer dimensions, @Nullable Boolean normalize) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Multimodal(@Nullable String inputText, @Nullable String inputImage,
            @Nullable MultimodalConfig embeddingConfig) {
    }

    record MultimodalConfig(int outputEmbeddingLength) {
    }
}
