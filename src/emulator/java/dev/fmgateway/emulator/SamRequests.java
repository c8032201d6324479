package dev.fmgateway.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading the Segment Anything containers' request bodies; bad input is a 400 {@code {"error": …}}. */
final class SamRequests {

    private SamRequests() {
    }

    static ObjectNode parse(Container.Request request) {
        if (!request.contentType().startsWith("application/json")) {
            throw new Container.Failure(415, Json.text(Json.object().put("error", "Content type must be application/json")));
        }
        return ContainerParams.parseObject(request.body(), SamContainer::invalid);
    }

    static byte[] bytes(String base64, String field) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        }
        catch (IllegalArgumentException e) {
            throw SamContainer.invalid("'" + field + "' is not valid base64");
        }
    }

    static BufferedImage image(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image != null) {
                return image;
            }
        }
        catch (IOException e) {
            // answered below
        }
        throw SamContainer.invalid("cannot decode the image: PNG or JPEG expected");
    }

    /** {@code points} and {@code labels} (one 0/1 label per point) with the given boxes. */
    static SamMasks.Prompts prompts(ObjectNode json, List<double[]> boxes) {
        List<double[]> points = coordinates(json.get("points"), "points", 2);
        List<Integer> labels = new ArrayList<>();
        JsonNode labelNode = json.get("labels");
        if (labelNode != null && !labelNode.isNull()) {
            if (!labelNode.isArray()) {
                throw SamContainer.invalid("'labels' must be a list of 0/1");
            }
            for (JsonNode label : labelNode) {
                if (!label.isIntegralNumber() || (label.intValue() != 0 && label.intValue() != 1)) {
                    throw SamContainer.invalid("'labels' must contain only 1 (foreground) or 0 (background), got " + label);
                }
                labels.add(label.intValue());
            }
        }
        if (labels.size() != points.size()) {
            throw SamContainer.invalid("'labels' must have one entry per point: " + points.size() + " points, "
                    + labels.size() + " labels");
        }
        return new SamMasks.Prompts(points, labels, boxes);
    }

    static List<double[]> coordinates(JsonNode node, String name, int arity) {
        List<double[]> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw SamContainer.invalid("'" + name + "' must be a list");
        }
        for (JsonNode item : node) {
            out.add(numbers(item, name, arity));
        }
        return out;
    }

    static double[] numbers(JsonNode item, String name, int arity) {
        if (!item.isArray() || item.size() != arity) {
            throw SamContainer.invalid("each entry of '" + name + "' must be a list of " + arity + " numbers");
        }
        double[] values = new double[arity];
        for (int i = 0; i < arity; i++) {
            if (!item.get(i).isNumber()) {
                throw SamContainer.invalid("each entry of '" + name + "' must be a list of " + arity + " numbers");
            }
            values[i] = item.get(i).doubleValue();
        }
        return values;
    }

    static void ordered(double[] box) {
        if (box[2] < box[0] || box[3] < box[1]) {
            throw SamContainer.invalid("a box must be [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2");
        }
    }
}
