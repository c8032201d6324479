package dev.fmgateway.emulator;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Amazon Titan Image Generator v1/v2: reference §6.6. Task types and their parameter objects are
 * checked strictly; sizes must come from the size table. Numeric ranges not stated in the reference
 * (numberOfImages 1–5, cfgScale 1.1–10, seed 0–2147483646) follow the public Titan documentation.
 */
final class TitanImage implements InvokeOnlyFamily {

    static final Set<String> SIZES = Set.of("1024x1024", "768x768", "512x512", "768x1152", "384x576", "1152x768",
            "576x384", "768x1280", "384x640", "1280x768", "640x384", "896x1152", "448x576", "1152x896", "576x448",
            "768x1408", "384x704", "1408x768", "704x384", "640x1408", "320x704", "1408x640", "704x320", "1152x640",
            "1173x640");
    private static final Map<String, String> PARAMS = Map.of(
            "TEXT_IMAGE", "textToImageParams",
            "INPAINTING", "inPaintingParams",
            "OUTPAINTING", "outPaintingParams",
            "IMAGE_VARIATION", "imageVariationParams",
            "COLOR_GUIDED_GENERATION", "colorGuidedGenerationParams",
            "BACKGROUND_REMOVAL", "backgroundRemovalParams");

    private record Task(String text, BufferedImage input, boolean transparent) {
    }

    @Override
    public Answer invoke(ObjectNode body, BedrockModel model) {
        boolean v2 = model.baseId().contains("-v2");
        JsonChecks checks = new JsonChecks();
        java.util.Set<String> keys = new java.util.HashSet<>(PARAMS.values());
        keys.addAll(Set.of("taskType", "imageGenerationConfig"));
        checks.onlyKeys("#", body, keys);
        String taskType = checks.enumValue("#", body, "taskType", true, v2 ? PARAMS.keySet()
                : Set.of("TEXT_IMAGE", "INPAINTING", "OUTPAINTING", "IMAGE_VARIATION"));
        checks.throwIfAny();
        String paramsKey = PARAMS.get(taskType);
        ObjectNode params = checks.object("#", body, paramsKey, true);
        body.propertyNames().stream().filter(k -> PARAMS.containsValue(k) && !k.equals(paramsKey))
                .forEach(k -> checks.add("#: extraneous key [" + k + "] is not permitted"));
        checks.throwIfAny();
        Task task = task(checks, taskType, "#/" + paramsKey, params, v2);
        ObjectNode config = checks.object("#", body, "imageGenerationConfig", false);
        int count = 1;
        long seed = 42;
        int width = task.input() == null ? 1024 : task.input().getWidth();
        int height = task.input() == null ? 1024 : task.input().getHeight();
        if (config != null) {
            if (taskType.equals("BACKGROUND_REMOVAL")) {
                checks.add("#: extraneous key [imageGenerationConfig] is not permitted");
            }
            String pointer = "#/imageGenerationConfig";
            checks.onlyKeys(pointer, config, Set.of("quality", "numberOfImages", "height", "width", "cfgScale", "seed"));
            checks.enumValue(pointer, config, "quality", false, Set.of("standard", "premium"));
            Long n = checks.integer(pointer, config, "numberOfImages", false, 1, 5);
            Long w = checks.integer(pointer, config, "width", false, 1, 4096);
            Long h = checks.integer(pointer, config, "height", false, 1, 4096);
            checks.number(pointer, config, "cfgScale", false, 1.1, 10);
            Long s = checks.integer(pointer, config, "seed", false, 0, 2_147_483_646L);
            boolean sizeGiven = w != null || h != null;
            boolean ownSize = !taskType.equals("INPAINTING") && !taskType.equals("OUTPAINTING");
            if (sizeGiven && ownSize) {
                width = w == null ? 1024 : w.intValue();
                height = h == null ? 1024 : h.intValue();
                if (!SIZES.contains(width + "x" + height)) {
                    checks.add(pointer + ": " + width + "x" + height + " is not a supported image size (width x height)");
                }
            }
            count = n == null ? 1 : n.intValue();
            seed = s == null ? seed : s;
        }
        checks.throwIfAny();
        ObjectNode out = Json.object();
        ArrayNode images = out.putArray("images");
        for (int i = 0; i < count; i++) {
            BufferedImage image = ImageCodec.render(width, height, ImageCodec.seedOf(task.text(), seed, i), task.transparent());
            images.add(ImageCodec.encodeBase64(image, "png"));
        }
        out.putNull("error");
        return new Answer(out, null);
    }

    private static Task task(JsonChecks checks, String type, String pointer, ObjectNode params, boolean v2) {
        String text;
        BufferedImage input = null;
        switch (type) {
            case "TEXT_IMAGE" -> {
                checks.onlyKeys(pointer, params, v2 ? Set.of("text", "negativeText", "conditionImage", "controlMode",
                        "controlStrength") : Set.of("text", "negativeText"));
                text = checks.string(pointer, params, "text", true, 512);
                checks.string(pointer, params, "negativeText", false, 512);
                String condition = checks.string(pointer, params, "conditionImage", false);
                String mode = checks.enumValue(pointer, params, "controlMode", false, Set.of("CANNY_EDGE", "SEGMENTATION"));
                Double strength = checks.number(pointer, params, "controlStrength", false, 0, 1);
                checks.throwIfAny();
                if (condition == null && (mode != null || strength != null)) {
                    throw ApiException.validation("controlMode and controlStrength require a conditionImage.");
                }
                if (condition != null) {
                    ImageCodec.decode(condition, "conditionImage");
                }
            }
            case "INPAINTING", "OUTPAINTING" -> {
                boolean out = type.equals("OUTPAINTING");
                checks.onlyKeys(pointer, params, out
                        ? Set.of("image", "maskPrompt", "maskImage", "text", "negativeText", "outPaintingMode", "returnMask")
                        : Set.of("image", "maskPrompt", "maskImage", "text", "negativeText", "returnMask"));
                String image = checks.string(pointer, params, "image", true);
                String maskPrompt = checks.string(pointer, params, "maskPrompt", false);
                String maskImage = checks.string(pointer, params, "maskImage", false);
                text = checks.string(pointer, params, "text", out, 512);
                checks.string(pointer, params, "negativeText", false, 512);
                checks.enumValue(pointer, params, "outPaintingMode", false, Set.of("DEFAULT", "PRECISE"));
                checks.bool(pointer, params, "returnMask", false);
                checks.throwIfAny();
                if ((maskPrompt == null) == (maskImage == null)) {
                    throw ApiException.validation("Exactly one of maskPrompt or maskImage must be provided.");
                }
                input = inputImage(image, "image");
                if (maskImage != null) {
                    ImageCodec.decode(maskImage, "maskImage");
                }
            }
            case "IMAGE_VARIATION" -> {
                checks.onlyKeys(pointer, params, Set.of("images", "text", "negativeText", "similarityStrength"));
                List<String> images = checks.strings(pointer, params, "images", true, 5);
                text = checks.string(pointer, params, "text", false, 512);
                checks.string(pointer, params, "negativeText", false, 512);
                checks.number(pointer, params, "similarityStrength", false, 0.2, 1.0);
                checks.throwIfAny();
                if (images.isEmpty()) {
                    throw ApiException.malformed(pointer + "/images: expected minimum item count: 1, found: 0");
                }
                images.forEach(i -> inputImage(i, "images"));
            }
            case "COLOR_GUIDED_GENERATION" -> {
                checks.onlyKeys(pointer, params, Set.of("text", "colors", "referenceImage", "negativeText"));
                text = checks.string(pointer, params, "text", true, 512);
                List<String> colors = checks.strings(pointer, params, "colors", true, 10);
                String reference = checks.string(pointer, params, "referenceImage", false);
                checks.string(pointer, params, "negativeText", false, 512);
                if (colors != null) {
                    if (colors.isEmpty()) {
                        checks.add(pointer + "/colors: expected minimum item count: 1, found: 0");
                    }
                    colors.stream().filter(c -> !c.matches("#[0-9A-Fa-f]{6}"))
                            .forEach(c -> checks.add(pointer + "/colors: string [" + c + "] does not match pattern ^#[0-9A-Fa-f]{6}$"));
                }
                checks.throwIfAny();
                if (reference != null) {
                    inputImage(reference, "referenceImage");
                }
            }
            default -> {
                checks.onlyKeys(pointer, params, Set.of("image"));
                String image = checks.string(pointer, params, "image", true);
                checks.throwIfAny();
                input = inputImage(image, "image");
                text = "";
            }
        }
        checks.throwIfAny();
        return new Task(text == null ? "" : text, input, type.equals("BACKGROUND_REMOVAL"));
    }

    private static BufferedImage inputImage(String base64, String field) {
        BufferedImage image = ImageCodec.decode(base64, field);
        if (Math.max(image.getWidth(), image.getHeight()) > 1408) {
            throw ApiException.validation("The longer side of the input image in " + field + " must be at most 1408 pixels.");
        }
        return image;
    }
}
