package dev.fmgateway.emulator;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * Stability SD3 Large, SD3.5 Large, Stable Image Core and Ultra (prompt-style API): reference §6.8.
 * Output sizes per aspect ratio are Stability's ~1 megapixel sizes; image-to-image keeps the input size.
 */
final class StabilityImage implements InvokeOnlyFamily {

    static final Map<String, int[]> ASPECT_RATIOS = Map.of(
            "1:1", new int[] { 1024, 1024 }, "16:9", new int[] { 1344, 768 }, "21:9", new int[] { 1536, 640 },
            "2:3", new int[] { 832, 1248 }, "3:2", new int[] { 1216, 832 }, "4:5", new int[] { 896, 1120 },
            "5:4", new int[] { 1120, 896 }, "9:16", new int[] { 768, 1344 }, "9:21", new int[] { 640, 1536 });

    @Override
    public Answer invoke(ObjectNode body, BedrockModel model) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, Set.of("prompt", "aspect_ratio", "mode", "seed", "negative_prompt", "output_format",
                "image", "strength"));
        String prompt = checks.string("#", body, "prompt", true, 10_000);
        String ratio = checks.enumValue("#", body, "aspect_ratio", false, ASPECT_RATIOS.keySet());
        String mode = checks.enumValue("#", body, "mode", false, Set.of("text-to-image", "image-to-image"));
        Long seed = checks.integer("#", body, "seed", false, 0, 4_294_967_294L);
        checks.string("#", body, "negative_prompt", false, 10_000);
        String format = checks.enumValue("#", body, "output_format", false, Set.of("png", "jpeg"));
        String image = checks.string("#", body, "image", false);
        checks.number("#", body, "strength", false, 0, 1);
        boolean imageToImage = "image-to-image".equals(mode);
        if (imageToImage) {
            if (image == null) {
                checks.add("#: required key [image] not found");
            }
            if (!body.has("strength")) {
                checks.add("#: required key [strength] not found");
            }
            if (ratio != null) {
                checks.add("#: extraneous key [aspect_ratio] is not permitted");
            }
        }
        else if (image != null) {
            checks.add("#: extraneous key [image] is not permitted");
        }
        checks.throwIfAny();
        int[] size = ASPECT_RATIOS.get(ratio == null ? "1:1" : ratio);
        int width = size[0];
        int height = size[1];
        if (imageToImage) {
            BufferedImage input = ImageCodec.decode(image, "image");
            width = input.getWidth();
            height = input.getHeight();
        }
        long actualSeed = seed == null || seed == 0 ? Integer.toUnsignedLong(prompt.hashCode()) : seed;
        String encoded = ImageCodec.encodeBase64(ImageCodec.render(width, height, ImageCodec.seedOf(prompt, actualSeed, 0), false),
                format == null ? "png" : format);
        ObjectNode out = Json.object();
        out.putArray("seeds").add(actualSeed);
        out.putArray("finish_reasons").addNull();
        out.putArray("images").add(encoded);
        return new Answer(out, null);
    }
}
