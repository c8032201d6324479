package dev.fmgateway.emulator;

import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Segment Anything behind a custom container with one-shot requests — an API designed for the emulator (kind
 * {@code sam-one-shot}), for gateway deployments of family {@code sam-one-shot}; masks are encoded like the SAM
 * 2.1 JumpStart container's.
 *
 * <p>Request (application/json): {@code {"image": "<base64 PNG/JPEG>", "points": [[x, y], …], "labels": [1|0, …],
 * "boxes": [[x0, y0, x1, y1], …], "multimask_output": false}}; at least one point or box. Response:
 * {@code {"masks": [{"counts", "compression": "zlib_base64", "shape": [H, W], "dtype": "uint8"}], "scores": [..]}}.
 * The mask is {@link SamMasks}' (boxes and foreground regions, less background regions); with
 * {@code multimask_output} three candidates: that mask, its bounding box filled, and the whole image less the
 * background regions. Bad input answers 400 {@code {"error": …}}.
 */
final class SamOneShotContainer implements Container {

    private static final double[] SCORES = { 0.92, 0.87, 0.81 };

    @Override
    public Reply invoke(Request request) {
        ObjectNode json = SamRequests.parse(request);
        ContainerParams params = new ContainerParams(json, "request", SamContainer::invalid);
        params.only(Set.of("image", "points", "labels", "boxes", "multimask_output"));
        if (!json.path("image").isString()) {
            throw SamContainer.invalid("'image' (base64 PNG or JPEG) is required");
        }
        BufferedImage image = SamRequests.image(SamRequests.bytes(json.get("image").stringValue(), "image"));
        boolean multimask = Boolean.TRUE.equals(params.bool("multimask_output"));
        List<double[]> boxes = SamRequests.coordinates(json.get("boxes"), "boxes", 4);
        boxes.forEach(SamRequests::ordered);
        SamMasks.Prompts prompts = SamRequests.prompts(json, boxes);
        if (prompts.points().isEmpty() && boxes.isEmpty()) {
            throw SamContainer.invalid("at least one of 'points' or 'boxes' is required");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BitSet mask = SamMasks.mask(image, prompts);
        List<BitSet> candidates = multimask ? List.of(mask, bounds(mask, width), everything(image, prompts)) : List.of(mask);
        ArrayNode masks = Json.array();
        ArrayNode scores = Json.array();
        for (int k = 0; k < candidates.size(); k++) {
            masks.add(SamMasks.encode(candidates.get(k), width, height, "uint8", height, width));
            scores.add(multimask ? SCORES[k] : 0.9);
        }
        ObjectNode out = Json.object();
        out.set("masks", masks);
        out.set("scores", scores);
        return new Reply("application/json", Json.bytes(out));
    }

    private static BitSet bounds(BitSet mask, int width) {
        BitSet box = new BitSet();
        if (mask.isEmpty()) {
            return box;
        }
        int x0 = width;
        int x1 = -1;
        for (int i = mask.nextSetBit(0); i >= 0; i = mask.nextSetBit(i + 1)) {
            x0 = Math.min(x0, i % width);
            x1 = Math.max(x1, i % width);
        }
        for (int y = mask.nextSetBit(0) / width; y <= (mask.length() - 1) / width; y++) {
            box.set(y * width + x0, y * width + x1 + 1);
        }
        return box;
    }

    private static BitSet everything(BufferedImage image, SamMasks.Prompts prompts) {
        double[] all = { 0, 0, image.getWidth() - 1, image.getHeight() - 1 };
        return SamMasks.mask(image, new SamMasks.Prompts(prompts.points(), prompts.labels(), List.of(all)));
    }
}
