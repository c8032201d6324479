package dev.fmgateway.provider.sagemaker;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.SegmentationResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.UpstreamErrorException;
import tools.jackson.databind.JsonNode;

/**
 * Segment Anything bodies. Family {@code sam}, the SAM 2.1 JumpStart container (reference §7.3): {@code start_session}
 * with the base64 image; then points alone are one {@code add_points} for object 1, while each box is an
 * {@code add_box} of its own object (1, 2, …) and the points go with the first box; {@code close_session}. A prompt's
 * answer is one or more records {@code {"obj_ids": [..], "masks": [..]}}; the last record holding the prompted
 * object's masks gives them (without {@code obj_ids}, all its masks are the object's). Family {@code sam-one-shot}, a
 * custom container: {@code {"image", "points", "labels", "boxes", "multimask_output"}} →
 * {@code {"masks": [..], "scores": [..]}}. Masks in both are {@link ZlibMask}s.
 */
@Component
class SamCodec {

    record Start(String type, @JsonProperty("input_type") String inputType, String path) {
    }

    record AddPoints(String type, @JsonProperty("session_id") String sessionId,
            @JsonProperty("frame_index") int frameIndex, @JsonProperty("object_id") int objectId,
            List<List<Integer>> points, List<Integer> labels,
            @JsonProperty("clear_old_points") boolean clearOldPoints) {
    }

    record AddBox(String type, @JsonProperty("session_id") String sessionId, @JsonProperty("frame_index") int frameIndex,
            @JsonProperty("object_id") int objectId, List<Integer> box, List<List<Integer>> points,
            List<Integer> labels) {
    }

    record Close(String type, @JsonProperty("session_id") String sessionId) {
    }

    /** One prompt call: the object it defines and its body. */
    record Prompt(int objectId, Object body) {
    }

    record OneShot(String image, List<List<Integer>> points, List<Integer> labels, List<List<Integer>> boxes,
            @JsonProperty("multimask_output") boolean multimaskOutput) {
    }

    private record Plane(ZlibMask mask, int index) {
    }

    Start start(SegmentationInput input) {
        return new Start("start_session", "image", Base64.getEncoder().encodeToString(input.image()));
    }

    List<Prompt> prompts(SegmentationInput input, String session) {
        if (input.boxes().isEmpty()) {
            return List.of(new Prompt(1, new AddPoints("add_points", session, 0, 1, points(input), labels(input), true)));
        }
        List<Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < input.boxes().size(); i++) {
            SegmentationInput.Box b = input.boxes().get(i);
            prompts.add(new Prompt(i + 1, new AddBox("add_box", session, 0, i + 1, List.of(b.x0(), b.y0(), b.x1(), b.y1()),
                    i == 0 ? points(input) : List.of(), i == 0 ? labels(input) : List.of())));
        }
        return prompts;
    }

    Close close(String session) {
        return new Close("close_session", session);
    }

    OneShot oneShot(SegmentationInput input) {
        return new OneShot(Base64.getEncoder().encodeToString(input.image()), points(input), labels(input),
                input.boxes().stream().map(b -> List.of(b.x0(), b.y0(), b.x1(), b.y1())).toList(), input.multimask());
    }

    private static List<List<Integer>> points(SegmentationInput input) {
        return input.points().stream().map(p -> List.of(p.x(), p.y())).toList();
    }

    private static List<Integer> labels(SegmentationInput input) {
        return input.points().stream().map(SegmentationInput.Point::label).toList();
    }

    SegmentationResult oneShotResponse(JsonNode body, SegmentationInput input, String modelId) {
        List<Plane> planes = planes(body.path("masks"), input, modelId);
        JsonNode scores = body.path("scores");
        List<SegmentationResult.Mask> masks = new ArrayList<>();
        for (int i = 0; i < planes.size(); i++) {
            masks.add(decode(planes.get(i), input, scores.path(i).isNumber() ? scores.path(i).asDouble() : null));
        }
        return new SegmentationResult(input.width(), input.height(), masks, new Usage.Requests(1));
    }

    /** The masks of {@code objectId} in a prompt's answer. */
    List<SegmentationResult.Mask> objectMasks(List<JsonNode> records, int objectId, SegmentationInput input,
            String modelId) {
        List<Plane> chosen = List.of();
        for (JsonNode record : records) {
            List<Plane> planes = planes(record.path("masks"), input, modelId);
            JsonNode ids = record.path("obj_ids");
            if (ids.isArray() && ids.size() != planes.size()) {
                throw new UpstreamErrorException(modelId,
                        "a record has " + ids.size() + " obj_ids but " + planes.size() + " masks");
            }
            List<Plane> mine = new ArrayList<>();
            for (int i = 0; i < planes.size(); i++) {
                if (!ids.isArray() || ids.get(i).asInt() == objectId) {
                    mine.add(planes.get(i));
                }
            }
            chosen = mine.isEmpty() ? chosen : mine;
        }
        if (chosen.isEmpty()) {
            throw new UpstreamErrorException(modelId, "the endpoint returned no mask for object " + objectId);
        }
        if (chosen.size() > input.maxMasks() / input.objects()) {
            throw new UpstreamErrorException(modelId,
                    "the endpoint returned " + chosen.size() + " masks for one object; more than the request allows");
        }
        return chosen.stream().map(plane -> decode(plane, input, null)).toList();
    }

    /** Every plane of a {@code masks} member (a list of masks, or one), at most as many as the request allows. */
    private static List<Plane> planes(JsonNode masks, SegmentationInput input, String modelId) {
        List<Plane> planes = new ArrayList<>();
        List<JsonNode> entries = new ArrayList<>();
        if (masks.isObject()) {
            entries.add(masks);
        }
        else {
            masks.forEach(entries::add);
        }
        for (JsonNode entry : entries) {
            ZlibMask mask = new ZlibMask(entry, modelId);
            if (planes.size() + mask.planes() > input.maxMasks()) {
                throw new UpstreamErrorException(modelId, "the endpoint returned more masks than the request allows ("
                        + input.maxMasks() + ")");
            }
            for (int i = 0; i < mask.planes(); i++) {
                planes.add(new Plane(mask, i));
            }
        }
        return planes;
    }

    private static SegmentationResult.Mask decode(Plane plane, SegmentationInput input, @Nullable Double score) {
        return plane.mask().decode(plane.index(), input.width(), input.height(), score);
    }
}
