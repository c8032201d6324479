package dev.fmgateway.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Segment Anything, image mode — an API designed for the emulator (the real image-mode API of the SAM 2.1
 * JumpStart container is not documented, reference §7.3), with masks encoded exactly like that container's
 * video-mode records.
 *
 * <p>Request (application/json): {@code {"image": "<base64 PNG/JPEG>", "points": [[x, y], …], "labels": [1|0, …],
 * "boxes": [[x0, y0, x1, y1], …], "multimask_output": false}}; pixel coordinates, label 1 = foreground,
 * 0 = background; at least one point or box. Response: {@code {"masks": [{"counts": base64(zlib(H×W uint8
 * bytes, row-major, 1 = object)), "compression": "zlib_base64", "shape": [H, W], "dtype": "uint8"}],
 * "scores": [..]}} — one mask, or three (small, medium, large) with {@code multimask_output}. A mask is the
 * union of the boxes and of discs around the foreground points (radius 5 %, 10 %, 20 % of the shorter
 * side), minus discs around the background points, clipped to the image. Bad input answers 400
 * {@code {"error": …}}.
 */
final class SamContainer implements Container {

    private static final double[] RADII = { 0.05, 0.10, 0.20 };
    private static final double[] SCORES = { 0.92, 0.87, 0.81 };

    private static Failure invalid(String message) {
        return new Failure(400, Json.text(Json.object().put("error", message)));
    }

    private record Prompts(List<double[]> points, List<Integer> labels, List<double[]> boxes) {
    }

    @Override
    public Reply invoke(Request request) {
        if (!request.contentType().startsWith("application/json")) {
            throw new Failure(415, Json.text(Json.object().put("error", "Content type must be application/json")));
        }
        ObjectNode json = ContainerParams.parseObject(request.body(), SamContainer::invalid);
        ContainerParams params = new ContainerParams(json, "request", SamContainer::invalid);
        params.only(Set.of("image", "points", "labels", "boxes", "multimask_output"));
        if (!json.path("image").isString()) {
            throw invalid("'image' (base64 PNG or JPEG) is required");
        }
        BufferedImage image;
        try {
            image = ImageCodec.decode(json.get("image").stringValue(), "image");
        }
        catch (ApiException e) {
            throw invalid("cannot decode 'image': " + e.getMessage());
        }
        boolean multimask = Boolean.TRUE.equals(params.bool("multimask_output"));
        Prompts prompts = prompts(json);
        int height = image.getHeight();
        int width = image.getWidth();
        int count = multimask ? 3 : 1;
        ArrayNode masks = Json.array();
        ArrayNode scores = Json.array();
        for (int k = 0; k < count; k++) {
            double radius = Math.min(width, height) * (multimask ? RADII[k] : RADII[1]);
            byte[] mask = mask(prompts, width, height, radius);
            ObjectNode encoded = masks.addObject()
                    .put("counts", Base64.getEncoder().encodeToString(zlib(mask)))
                    .put("compression", "zlib_base64");
            encoded.putArray("shape").add(height).add(width);
            encoded.put("dtype", "uint8");
            scores.add(multimask ? SCORES[k] : 0.9);
        }
        ObjectNode out = Json.object();
        out.set("masks", masks);
        out.set("scores", scores);
        return new Reply("application/json", Json.bytes(out));
    }

    private static Prompts prompts(ObjectNode json) {
        List<double[]> points = coordinates(json.get("points"), "points", 2);
        List<double[]> boxes = coordinates(json.get("boxes"), "boxes", 4);
        List<Integer> labels = new ArrayList<>();
        JsonNode labelNode = json.get("labels");
        if (labelNode != null && !labelNode.isNull()) {
            if (!labelNode.isArray()) {
                throw invalid("'labels' must be a list of 0/1");
            }
            for (JsonNode label : labelNode) {
                if (!label.isIntegralNumber() || (label.intValue() != 0 && label.intValue() != 1)) {
                    throw invalid("'labels' must contain only 1 (foreground) or 0 (background), got " + label);
                }
                labels.add(label.intValue());
            }
        }
        if (labels.size() != points.size()) {
            throw invalid("'labels' must have one entry per point: " + points.size() + " points, " + labels.size() + " labels");
        }
        if (points.isEmpty() && boxes.isEmpty()) {
            throw invalid("at least one of 'points' or 'boxes' is required");
        }
        for (double[] box : boxes) {
            if (box[2] < box[0] || box[3] < box[1]) {
                throw invalid("a box must be [x0, y0, x1, y1] with x0 <= x1 and y0 <= y1");
            }
        }
        return new Prompts(points, labels, boxes);
    }

    private static List<double[]> coordinates(JsonNode node, String name, int arity) {
        List<double[]> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw invalid("'" + name + "' must be a list");
        }
        for (JsonNode item : node) {
            if (!item.isArray() || item.size() != arity) {
                throw invalid("each entry of '" + name + "' must be a list of " + arity + " numbers");
            }
            double[] values = new double[arity];
            for (int i = 0; i < arity; i++) {
                if (!item.get(i).isNumber()) {
                    throw invalid("each entry of '" + name + "' must be a list of " + arity + " numbers");
                }
                values[i] = item.get(i).doubleValue();
            }
            out.add(values);
        }
        return out;
    }

    static byte[] mask(Prompts prompts, int width, int height, double radius) {
        byte[] mask = new byte[width * height];
        for (double[] box : prompts.boxes()) {
            fill(mask, width, height, box[0], box[1], box[2], box[3], (x, y) -> true, (byte) 1);
        }
        for (int pass = 1; pass >= 0; pass--) {
            for (int i = 0; i < prompts.points().size(); i++) {
                if (prompts.labels().get(i) != pass) {
                    continue;
                }
                double cx = prompts.points().get(i)[0];
                double cy = prompts.points().get(i)[1];
                fill(mask, width, height, cx - radius, cy - radius, cx + radius, cy + radius,
                        (x, y) -> (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius, (byte) pass);
            }
        }
        return mask;
    }

    private interface Inside {
        boolean test(double x, double y);
    }

    private static void fill(byte[] mask, int width, int height, double x0, double y0, double x1, double y1, Inside inside,
            byte value) {
        int fromX = Math.max(0, (int) Math.floor(x0));
        int toX = Math.min(width - 1, (int) Math.ceil(x1));
        int fromY = Math.max(0, (int) Math.floor(y0));
        int toY = Math.min(height - 1, (int) Math.ceil(y1));
        for (int y = fromY; y <= toY; y++) {
            for (int x = fromX; x <= toX; x++) {
                if (inside.test(x, y)) {
                    mask[y * width + x] = value;
                }
            }
        }
    }

    private static byte[] zlib(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
