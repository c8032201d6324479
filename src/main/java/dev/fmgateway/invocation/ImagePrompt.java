package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

/**
 * An image generation request, already validated against the model's size and count limits.
 *
 * @param prompt what to draw
 * @param negativePrompt what to avoid, if any
 * @param width width in pixels
 * @param height height in pixels
 * @param count number of images
 * @param seed seed for reproducible output, if set
 * @param steps diffusion steps, if set (Stability SDXL)
 * @param cfgScale prompt adherence, if set
 * @param stylePreset style preset name, if set (Stability SDXL)
 * @param quality {@code standard} or {@code premium}, if set (Titan)
 */
public record ImagePrompt(String prompt, @Nullable String negativePrompt, int width, int height, int count,
        @Nullable Long seed, @Nullable Integer steps, @Nullable Double cfgScale, @Nullable String stylePreset,
        @Nullable String quality) implements InferenceRequest<ImageResult> {

    @Override
    public Class<ImageResult> resultType() {
        return ImageResult.class;
    }
}
