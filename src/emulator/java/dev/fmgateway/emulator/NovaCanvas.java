package dev.fmgateway.emulator;

import java.awt.image.BufferedImage;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Amazon Nova Canvas on InvokeModel (reference chat-apis-wire §2.1), {@code TEXT_IMAGE} only: the other task
 * types are refused as not emulated. {@code text} 1-1,024 characters, {@code negativeText} up to 1,024, a
 * {@code style} from Nova's list; sizes with each side 320-4,096 and a multiple of 16, at most 4,194,304 pixels,
 * aspect ratio between 1:4 and 4:1; quality standard/premium, cfgScale 1.1-10, seed 0-858,993,459, 1-5 images
 * (ranges the reference does not state follow the public Nova documentation).
 */
final class NovaCanvas implements InvokeOnlyFamily {

    private static final Set<String> TASKS = Set.of("TEXT_IMAGE", "COLOR_GUIDED_GENERATION", "IMAGE_VARIATION",
            "INPAINTING", "OUTPAINTING", "BACKGROUND_REMOVAL", "VIRTUAL_TRY_ON");

    private static final Set<String> STYLES = Set.of("3D_ANIMATED_FAMILY_FILM", "DESIGN_SKETCH",
            "FLAT_VECTOR_ILLUSTRATION", "GRAPHIC_NOVEL_ILLUSTRATION", "MAXIMALISM", "MIDCENTURY_RETRO", "PHOTOREALISM",
            "SOFT_DIGITAL_PAINTING");

    @Override
    public Answer invoke(ObjectNode body, BedrockModel model) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, Set.of("taskType", "textToImageParams", "imageGenerationConfig"));
        String task = checks.enumValue("#", body, "taskType", true, TASKS);
        checks.throwIfAny();
        if (!task.equals("TEXT_IMAGE")) {
            throw ApiException.validation("The emulator answers Nova Canvas TEXT_IMAGE only; " + task + " is not emulated.");
        }
        ObjectNode params = checks.object("#", body, "textToImageParams", true);
        checks.throwIfAny();
        String pointer = "#/textToImageParams";
        checks.onlyKeys(pointer, params, Set.of("text", "negativeText", "style", "conditionImage", "controlMode",
                "controlStrength"));
        String text = checks.string(pointer, params, "text", true, 1024);
        if (text != null && text.isEmpty()) {
            checks.add(pointer + "/text: expected minLength: 1, actual: 0");
        }
        checks.string(pointer, params, "negativeText", false, 1024);
        checks.enumValue(pointer, params, "style", false, STYLES);
        ObjectNode config = checks.object("#", body, "imageGenerationConfig", false);
        int width = 1024;
        int height = 1024;
        int count = 1;
        long seed = 12;
        if (config != null) {
            String c = "#/imageGenerationConfig";
            checks.onlyKeys(c, config, Set.of("width", "height", "quality", "cfgScale", "seed", "numberOfImages"));
            Long w = checks.integer(c, config, "width", false, 320, 4096);
            Long h = checks.integer(c, config, "height", false, 320, 4096);
            checks.enumValue(c, config, "quality", false, Set.of("standard", "premium"));
            checks.number(c, config, "cfgScale", false, 1.1, 10);
            Long s = checks.integer(c, config, "seed", false, 0, 858_993_459L);
            Long n = checks.integer(c, config, "numberOfImages", false, 1, 5);
            width = w == null ? width : w.intValue();
            height = h == null ? height : h.intValue();
            seed = s == null ? seed : s;
            count = n == null ? count : n.intValue();
        }
        checks.throwIfAny();
        if (width % 16 != 0 || height % 16 != 0 || (long) width * height > 4_194_304L
                || Math.max(width, height) > 4L * Math.min(width, height)) {
            throw ApiException.validation("Invalid image size " + width + "x" + height + ": each side must be a multiple "
                    + "of 16, at most 4194304 pixels in all, with an aspect ratio between 1:4 and 4:1.");
        }
        ObjectNode out = Json.object();
        ArrayNode images = out.putArray("images");
        for (int i = 0; i < count; i++) {
            BufferedImage image = ImageCodec.render(width, height, ImageCodec.seedOf(text, seed, i), false);
            images.add(ImageCodec.encodeBase64(image, "png"));
        }
        return new Answer(out, null);
    }
}
