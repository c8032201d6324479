package dev.fmgateway.provider.sagemaker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.provider.TextCodec;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;

/**
 * The JumpStart {@code text_inputs} → {@code generated_texts} format, spoken by the legacy Hugging Face text
 * generation models (GPT-2, GPT-J) and by AlexaTM 20B. {@code max_length} counts generated tokens here.
 * Neither streams nor takes stop sequences.
 */
@Configuration(proxyBeanMethods = false)
class JumpStartTextCodecs {

    @Bean
    ContainerCodec jumpStartText() {
        return new Codec(PayloadFamily.JUMPSTART_TEXT);
    }

    @Bean
    ContainerCodec alexaTm() {
        return new Codec(PayloadFamily.ALEXATM);
    }

    private static final class Codec extends ContainerCodec {

        Codec(PayloadFamily family) {
            super(family);
        }

        @Override
        public void check(TextPrompt prompt) {
            TextCodec.refuseStopSequences(prompt, "this JumpStart endpoint");
        }

        @Override
        public Object request(TextPrompt prompt, boolean stream) {
            return new Request(inputs(prompt), prompt.maxTokens(), 1, sample(prompt),
                    temperature(prompt), prompt.topP());
        }

        @Override
        public TextResult response(JsonNode body, TokenCounts counts, TextPrompt prompt) {
            String output = body.has("generated_texts") ? body.path("generated_texts").path(0).asString("")
                    : body.path("generated_text").asString("");
            long outputTokens = Usage.Tokens.estimate(output);
            return new TextResult(output, unstated(outputTokens, prompt), usage(prompt, outputTokens));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(@JsonProperty("text_inputs") String textInputs, @JsonProperty("max_length") int maxLength,
            @JsonProperty("num_return_sequences") int numReturnSequences, @JsonProperty("do_sample") boolean doSample,
            @Nullable Double temperature, @JsonProperty("top_p") @Nullable Double topP) {
    }
}
