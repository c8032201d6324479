package dev.fmgateway.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SAM 2.1 JumpStart container's stateful protocol (reference §7.3), image input, checked strictly:
 * {@code start_session} through InvokeEndpoint with {@code X-Amzn-SageMaker-Session-Id: NEW_SESSION} (answered with
 * {@code X-Amzn-SageMaker-New-Session-Id: <id>; Expires=<instant>}); {@code add_points} and {@code add_box} through
 * InvokeEndpointWithResponseStream in an open session; {@code close_session} through either (answered with
 * {@code X-Amzn-SageMaker-Closed-Session-Id}). A prompt call streams one JSON line
 * {@code {"frame_idx": 0, "obj_ids": [..], "masks": [..]}} with every object's mask, shape [1, H, W], dtype
 * {@code bool}, split across PayloadParts. Masks come from {@link SamMasks}. Video input, clearing and propagation
 * are not emulated. Any misuse (wrong operation, missing or closed session, a body {@code session_id} that is not
 * the header's, unknown fields) answers 400 {@code {"error": …}}.
 */
final class SamContainer implements Container {

    static final String NEW_SESSION = "NEW_SESSION";
    private static final Duration LIFETIME = Duration.ofMinutes(20);
    private static final int PART_SIZE = 16 * 1024;

    private final SamSessions sessions;

    SamContainer(SamSessions sessions) {
        this.sessions = sessions;
    }

    static Failure invalid(String message) {
        return new Failure(400, Json.text(Json.object().put("error", message)));
    }

    @Override
    public Reply invoke(Request request) {
        ObjectNode json = SamRequests.parse(request);
        return switch (type(json)) {
            case "start_session" -> start(request, json);
            case "close_session" -> close(request, json);
            case "add_points", "add_box" -> throw invalid("'" + type(json)
                    + "' streams its masks: call InvokeEndpointWithResponseStream");
            default -> throw notEmulated(type(json));
        };
    }

    @Override
    public Parts stream(Request request) {
        ObjectNode json = SamRequests.parse(request);
        return switch (type(json)) {
            case "add_points", "add_box" -> prompt(request, json);
            case "close_session" -> {
                Reply reply = close(request, json);
                yield new Parts(reply.contentType(), List.of(reply.body()), reply.headers());
            }
            case "start_session" -> throw invalid("start_session goes through InvokeEndpoint with NEW_SESSION");
            default -> throw notEmulated(type(json));
        };
    }

    private static String type(ObjectNode json) {
        return json.path("type").asString("");
    }

    private static Failure notEmulated(String type) {
        return invalid(type.isEmpty() ? "'type' is required"
                : "request type '" + type + "' is unknown or not emulated (start_session, add_points, add_box, close_session)");
    }

    private Reply start(Request request, ObjectNode json) {
        new ContainerParams(json, "start_session", SamContainer::invalid)
                .only(Set.of("type", "input_type", "path", "session_id"));
        if (!NEW_SESSION.equals(request.sessionId())) {
            throw invalid("start_session needs the header X-Amzn-SageMaker-Session-Id: NEW_SESSION");
        }
        if (!"image".equals(json.path("input_type").asString(""))) {
            throw invalid("'input_type' must be 'image' (video sessions are not emulated)");
        }
        if (!json.path("path").isString()) {
            throw invalid("'path' (base64 image) is required");
        }
        byte[] image = SamRequests.bytes(json.get("path").stringValue(), "path");
        int[] size = size(image);
        SamSessions.Session session = sessions.start(image, size[0], size[1]);
        ObjectNode body = Json.object().put("session_id", session.id()).put("success", true)
                .put("width", size[0]).put("height", size[1]);
        return new Reply("application/json", Json.bytes(body), Map.of("X-Amzn-SageMaker-New-Session-Id",
                session.id() + "; Expires=" + Instant.now().plus(LIFETIME)));
    }

    /** Width and height from the image header, without decoding it. */
    private static int[] size(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return new int[] { reader.getWidth(0), reader.getHeight(0) };
                }
                finally {
                    reader.dispose();
                }
            }
        }
        catch (IOException e) {
            // answered below
        }
        throw invalid("cannot read the image in 'path': PNG or JPEG expected");
    }

    private Reply close(Request request, ObjectNode json) {
        new ContainerParams(json, "close_session", SamContainer::invalid).only(Set.of("type", "session_id"));
        String id = session(request, json, true);
        sessions.close(id);
        return new Reply("application/json", Json.bytes(Json.object().put("success", true)),
                Map.of("X-Amzn-SageMaker-Closed-Session-Id", id));
    }

    /** The session id of the header, which a body {@code session_id} (required when {@code inBody}) must repeat. */
    private static String session(Request request, ObjectNode json, boolean inBody) {
        String id = request.sessionId();
        if (id == null || id.equals(NEW_SESSION)) {
            throw invalid("this request needs the header X-Amzn-SageMaker-Session-Id of an open session");
        }
        JsonNode body = json.get("session_id");
        if ((body == null && inBody) || (body != null && !Objects.equals(body.asString(null), id))) {
            throw invalid("'session_id' must be the session of the header X-Amzn-SageMaker-Session-Id (" + id + ")");
        }
        return id;
    }

    private Parts prompt(Request request, ObjectNode json) {
        boolean box = type(json).equals("add_box");
        new ContainerParams(json, type(json), SamContainer::invalid).only(box
                ? Set.of("type", "session_id", "frame_index", "object_id", "box", "points", "labels")
                : Set.of("type", "session_id", "frame_index", "object_id", "points", "labels", "clear_old_points"));
        SamSessions.Session session = sessions.require(session(request, json, false));
        if (!json.path("frame_index").isIntegralNumber() || json.get("frame_index").intValue() != 0) {
            throw invalid("'frame_index' must be 0 for an image session");
        }
        if (!json.path("object_id").isIntegralNumber()) {
            throw invalid("'object_id' (integer) is required");
        }
        int object = json.get("object_id").intValue();
        List<double[]> boxes = new ArrayList<>();
        if (box) {
            if (json.get("box") == null) {
                throw invalid("'box' [x1, y1, x2, y2] is required");
            }
            boxes.add(SamRequests.numbers(json.get("box"), "box", 4));
            SamRequests.ordered(boxes.getFirst());
        }
        SamMasks.Prompts prompts = SamRequests.prompts(json, boxes);
        if (!box && prompts.points().isEmpty()) {
            throw invalid("'points' must not be empty");
        }
        ObjectNode record = record(session, object, prompts, !box && !json.path("clear_old_points").asBoolean(true));
        byte[] line = (Json.text(record) + "\n").getBytes(StandardCharsets.UTF_8);
        return new Parts("application/jsonlines", split(line));
    }

    private static ObjectNode record(SamSessions.Session session, int object, SamMasks.Prompts prompts, boolean keepOld) {
        synchronized (session) {
            SamMasks.Prompts old = session.prompts().get(object);
            if (keepOld && old != null) {
                List<double[]> points = new ArrayList<>(old.points());
                points.addAll(prompts.points());
                List<Integer> labels = new ArrayList<>(old.labels());
                labels.addAll(prompts.labels());
                prompts = new SamMasks.Prompts(points, labels, old.boxes());
            }
            session.prompts().put(object, prompts);
            BufferedImage image = SamRequests.image(session.image());
            int width = session.width();
            int height = session.height();
            session.masks().put(object, SamMasks.encode(SamMasks.mask(image, prompts), width, height, "bool", 1, height, width));
            ObjectNode record = Json.object().put("frame_idx", 0);
            ArrayNode ids = record.putArray("obj_ids");
            ArrayNode masks = record.putArray("masks");
            session.masks().forEach((id, mask) -> {
                ids.add(id);
                masks.add(mask);
            });
            return record;
        }
    }

    /** At least two parts, so a client must join a JSON object split across PayloadParts. */
    private static List<byte[]> split(byte[] bytes) {
        int size = Math.max(1, Math.min(PART_SIZE, (bytes.length + 1) / 2));
        List<byte[]> parts = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += size) {
            parts.add(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size)));
        }
        return parts;
    }
}
