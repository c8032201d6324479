package dev.fmgateway.emulator;

import java.awt.image.BufferedImage;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stability SDXL 1.0 (text-to-image and image-to-image): reference §6.8. Ranges the reference leaves
 * open follow Stability's v1 API: samples 1–10, steps 10–150, seed 0–4294967295.
 */
final class StableDiffusionXl implements InvokeOnlyFamily {

    static final Set<String> SIZES = Set.of("1024x1024", "1152x896", "1216x832", "1344x768", "1536x640", "640x1536",
            "768x1344", "832x1216", "896x1152");
    private static final Set<String> KEYS = Set.of("text_prompts", "height", "width", "cfg_scale", "clip_guidance_preset",
            "sampler", "samples", "seed", "steps", "style_preset", "extras", "init_image", "init_image_mode",
            "image_strength", "step_schedule_start", "step_schedule_end", "mask_source", "mask_image");
    private static final Set<String> PRESETS = Set.of("FAST_BLUE", "FAST_GREEN", "NONE", "SIMPLE", "SLOW", "SLOWER", "SLOWEST");
    private static final Set<String> SAMPLERS = Set.of("DDIM", "DDPM", "K_DPMPP_2M", "K_DPMPP_2S_ANCESTRAL", "K_DPM_2",
            "K_DPM_2_ANCESTRAL", "K_EULER", "K_EULER_ANCESTRAL", "K_HEUN", "K_LMS");
    private static final Set<String> STYLES = Set.of("3d-model", "analog-film", "anime", "cinematic", "comic-book",
            "digital-art", "enhance", "fantasy-art", "isometric", "line-art", "low-poly", "modeling-compound", "neon-punk",
            "origami", "photographic", "pixel-art", "tile-texture");

    @Override
    public Answer invoke(ObjectNode body, BedrockModel model) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, KEYS);
        ArrayNode prompts = checks.array("#", body, "text_prompts", true, 1, 10);
        StringBuilder prompt = new StringBuilder();
        if (prompts != null) {
            for (int i = 0; i < prompts.size(); i++) {
                JsonNode item = prompts.get(i);
                if (!item.isObject()) {
                    checks.add("#/text_prompts/" + i + ": expected type: JSONObject, found: " + JsonChecks.typeName(item));
                    continue;
                }
                String pointer = "#/text_prompts/" + i;
                checks.onlyKeys(pointer, (ObjectNode) item, Set.of("text", "weight"));
                String text = checks.string(pointer, (ObjectNode) item, "text", true, 2000);
                checks.number(pointer, (ObjectNode) item, "weight", false, -10, 10);
                prompt.append(text == null ? "" : text).append('\n');
            }
        }
        Long width = checks.integer("#", body, "width", false, 64, 2048);
        Long height = checks.integer("#", body, "height", false, 64, 2048);
        checks.number("#", body, "cfg_scale", false, 0, 35);
        checks.enumValue("#", body, "clip_guidance_preset", false, PRESETS);
        checks.enumValue("#", body, "sampler", false, SAMPLERS);
        Long samples = checks.integer("#", body, "samples", false, 1, 10);
        Long seed = checks.integer("#", body, "seed", false, 0, 4_294_967_295L);
        checks.integer("#", body, "steps", false, 10, 150);
        checks.enumValue("#", body, "style_preset", false, STYLES);
        checks.object("#", body, "extras", false);
        String init = checks.string("#", body, "init_image", false);
        checks.enumValue("#", body, "init_image_mode", false, Set.of("IMAGE_STRENGTH", "STEP_SCHEDULE"));
        checks.number("#", body, "image_strength", false, 0, 1);
        checks.number("#", body, "step_schedule_start", false, 0, 1);
        checks.number("#", body, "step_schedule_end", false, 0, 1);
        checks.enumValue("#", body, "mask_source", false, Set.of("MASK_IMAGE_WHITE", "MASK_IMAGE_BLACK", "INIT_IMAGE_ALPHA"));
        String mask = checks.string("#", body, "mask_image", false);
        int w = width == null ? 1024 : width.intValue();
        int h = height == null ? 1024 : height.intValue();
        if (init == null && !SIZES.contains(w + "x" + h)) {
            checks.add("#: " + w + "x" + h + " is not a supported size for text-to-image (width x height)");
        }
        checks.throwIfAny();
        if (init != null) {
            BufferedImage image = ImageCodec.decode(init, "init_image");
            w = image.getWidth();
            h = image.getHeight();
        }
        if (mask != null) {
            ImageCodec.decode(mask, "mask_image");
        }
        long baseSeed = seed == null ? 0 : seed;
        ObjectNode out = Json.object().put("result", "success");
        ArrayNode artifacts = out.putArray("artifacts");
        for (int i = 0; i < (samples == null ? 1 : samples); i++) {
            long imageSeed = baseSeed + i;
            BufferedImage image = ImageCodec.render(w, h, ImageCodec.seedOf(prompt.toString(), imageSeed, i), false);
            artifacts.addObject().put("seed", imageSeed).put("base64", ImageCodec.encodeBase64(image, "png"))
                    .put("finishReason", "SUCCESS");
        }
        return new Answer(out, null);
    }
}
