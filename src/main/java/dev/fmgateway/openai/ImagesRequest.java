package dev.fmgateway.openai;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.image.ImageGenerationRequest;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /openai/v1/images/generations}. Images come back as {@code b64_json} (also when
 * {@code response_format} is not given, since the gateway hosts no images); {@code url} is refused. {@code size} is
 * {@code WIDTHxHEIGHT} from the model's sizes or {@code auto}; {@code quality} {@code hd}/{@code high} maps to
 * Titan's premium tier. {@code negative_prompt}, {@code seed} and {@code region} are the gateway's extensions.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ImagesRequest(@Nullable @Size(max = ChatCompletionRequest.MAX_ID) String model, @Nullable String prompt, @Nullable Integer n, @Nullable String size,
        @Nullable String responseFormat, @Nullable String quality, @Nullable String style,
        @Nullable String negativePrompt, @Nullable Long seed,
        @Nullable @Size(max = ChatCompletionRequest.MAX_REGION) String region,
        @Nullable @Size(max = ChatCompletionRequest.MAX_ID) String user) {

    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})x(\\d{2,5})");

    ImageGenerationRequest toGateway() {
        UnsupportedParameterException.refuseIf("url".equals(this.responseFormat), "response_format",
                "response_format 'url' is not supported: the gateway does not host images; use 'b64_json'");
        UnsupportedParameterException.refuseIf(this.responseFormat != null && !"b64_json".equals(this.responseFormat)
                && !"url".equals(this.responseFormat), "response_format", "response_format must be b64_json");
        UnsupportedParameterException.refuseIf(this.style != null, "style", "style is not supported");
        Integer width = null;
        Integer height = null;
        if (this.size != null && !this.size.equals("auto")) {
            Matcher matcher = SIZE.matcher(this.size);
            UnsupportedParameterException.refuseIf(!matcher.matches(), "size",
                    "size must be WIDTHxHEIGHT (for example 1024x1024) or auto");
            width = Integer.valueOf(matcher.group(1));
            height = Integer.valueOf(matcher.group(2));
        }
        return new ImageGenerationRequest(this.model, this.prompt, this.negativePrompt, width, height, this.n,
                this.seed, null, null, null, gatewayQuality(), this.region);
    }

    private @Nullable String gatewayQuality() {
        if (this.quality == null || this.quality.equals("auto")) {
            return null;
        }
        return switch (this.quality) {
            case "hd", "high" -> "premium";
            case "standard", "medium", "low" -> "standard";
            default -> throw new UnsupportedParameterException("quality",
                    "quality must be standard, hd, low, medium, high or auto");
        };
    }
}
