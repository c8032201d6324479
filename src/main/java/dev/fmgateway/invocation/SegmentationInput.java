package dev.fmgateway.invocation;

import java.util.List;

/**
 * A segmentation request: an image and the prompts (points and/or boxes) that say what to segment.
 *
 * @param image PNG or JPEG bytes
 * @param width decoded image width
 * @param height decoded image height
 * @param points point prompts
 * @param boxes box prompts
 * @param multimask whether to return several candidate masks per prompt
 */
public record SegmentationInput(byte[] image, int width, int height, List<Point> points, List<Box> boxes,
        boolean multimask) implements InferenceRequest<SegmentationResult> {

    /** Candidate masks allowed per object: SAM's multimask output has three. */
    public static final int MULTIMASK = 3;

    public SegmentationInput {
        points = List.copyOf(points);
        boxes = List.copyOf(boxes);
    }

    /** Objects prompted: one per box, or one for points alone. */
    public int objects() {
        return Math.max(1, this.boxes.size());
    }

    /** Most masks an answer may hold: per object one, or {@value #MULTIMASK} with {@code multimask}. */
    public int maxMasks() {
        return objects() * (this.multimask ? MULTIMASK : 1);
    }

    /** A point prompt; label 1 marks foreground, 0 background. */
    public record Point(int x, int y, int label) {
    }

    /** A box prompt, corners inclusive. */
    public record Box(int x0, int y0, int x1, int y1) {
    }

    @Override
    public Class<SegmentationResult> resultType() {
        return SegmentationResult.class;
    }
}
