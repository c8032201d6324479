package dev.fmgateway.provider.bedrock;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * Amazon Nova Canvas, {@code TEXT_IMAGE} task (reference chat-apis-wire §2.1): {@code textToImageParams} with the
 * prompt (1-1,024 characters), negative prompt and an optional {@code style} (the caller's {@code stylePreset},
 * {@code photorealism} sent as {@code PHOTOREALISM});
 * {@code imageGenerationConfig} with size, quality, cfgScale 1.1-10, seed 0-858,993,459 and 1-5 images. The
 * answer is {@code images[]} of base64 PNG, or an {@code error}.
 */
@Component
class NovaCanvasCodec implements ImageCodec {

    /** Nova's styles as the gateway's {@code stylePreset} spells them (lower case, hyphens). */
    static final Set<String> STYLES = Set.of("3d-animated-family-film", "design-sketch", "flat-vector-illustration",
            "graphic-novel-illustration", "maximalism", "midcentury-retro", "photorealism", "soft-digital-painting");

    @Override
    public PayloadFamily family() {
        return PayloadFamily.NOVA_CANVAS;
    }

    @Override
    public void check(ImagePrompt prompt) {
        ImageCodec.unsupported("Nova Canvas", "steps", prompt.steps());
        ImageCodec.range("cfgScale", prompt.cfgScale(), 1.1, 10);
        ImageCodec.range("seed", prompt.seed(), 0, 858_993_459L);
        ImageCodec.maxLength("prompt", prompt.prompt(), 1024, "Nova Canvas");
        ImageCodec.maxLength("negativePrompt", prompt.negativePrompt(), 1024, "Nova Canvas");
        if (prompt.stylePreset() != null && !STYLES.contains(prompt.stylePreset())) {
            throw new InvalidRequestException("stylePreset", "must be one of " + STYLES.stream().sorted().toList()
                    + " for Nova Canvas models");
        }
    }

    @Override
    public Object request(ImagePrompt prompt) {
        String style = prompt.stylePreset() == null ? null
                : prompt.stylePreset().toUpperCase(Locale.ROOT).replace('-', '_');
        return new Request("TEXT_IMAGE", new TextToImage(prompt.prompt(), prompt.negativePrompt(), style),
                new TitanImageCodec.Config(prompt.count(), prompt.width(), prompt.height(), prompt.cfgScale(), prompt.seed(),
                        prompt.quality()));
    }

    @Override
    public ImageResult response(JsonNode body, ImagePrompt prompt, String modelId) {
        return TitanImageCodec.images(body, prompt, modelId);
    }

    record Request(String taskType, TextToImage textToImageParams, TitanImageCodec.Config imageGenerationConfig) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TextToImage(String text, @Nullable String negativeText, @Nullable String style) {
    }
}
