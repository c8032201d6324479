package dev.fmgateway.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

import tools.jackson.databind.node.ObjectNode;

/**
 * The emulated Segment Anything: a foreground point selects the whole 4-connected region of its exact colour
 * (a flat object is masked entirely), a background point removes its region, a box adds its rectangle.
 * Masks are encoded as the SAM 2.1 JumpStart container encodes them: {@code zlib_base64} of the raw array.
 */
final class SamMasks {

    private SamMasks() {
    }

    /** Point prompts (pixels, label 1 = foreground, 0 = background) and boxes [x0, y0, x1, y1]. */
    record Prompts(List<double[]> points, List<Integer> labels, List<double[]> boxes) {
    }

    static BitSet mask(BufferedImage image, Prompts prompts) {
        int width = image.getWidth();
        BitSet mask = new BitSet(width * image.getHeight());
        for (double[] box : prompts.boxes()) {
            int x0 = clamp(box[0], width);
            int x1 = clamp(box[2], width);
            for (int y = clamp(box[1], image.getHeight()); y <= clamp(box[3], image.getHeight()); y++) {
                mask.set(y * width + x0, y * width + x1 + 1);
            }
        }
        for (int label = 1; label >= 0; label--) {
            for (int i = 0; i < prompts.points().size(); i++) {
                if (prompts.labels().get(i) != label) {
                    continue;
                }
                double[] point = prompts.points().get(i);
                BitSet region = region(image, clamp(point[0], width), clamp(point[1], image.getHeight()));
                if (label == 1) {
                    mask.or(region);
                }
                else {
                    mask.andNot(region);
                }
            }
        }
        return mask;
    }

    private static int clamp(double value, int size) {
        return (int) Math.max(0, Math.min(size - 1, Math.floor(value)));
    }

    /** Scanline flood fill of the pixels of the seed's exact colour, 4-connected. */
    static BitSet region(BufferedImage image, int seedX, int seedY) {
        int width = image.getWidth();
        int height = image.getHeight();
        int colour = image.getRGB(seedX, seedY);
        BitSet region = new BitSet(width * height);
        int[] stack = new int[64];
        int size = 0;
        stack[size++] = seedY * width + seedX;
        while (size > 0) {
            int index = stack[--size];
            if (region.get(index)) {
                continue;
            }
            int y = index / width;
            int left = index % width;
            int right = left;
            while (left > 0 && image.getRGB(left - 1, y) == colour) {
                left--;
            }
            while (right < width - 1 && image.getRGB(right + 1, y) == colour) {
                right++;
            }
            region.set(y * width + left, y * width + right + 1);
            for (int ny = y - 1; ny <= y + 1; ny += 2) {
                if (ny < 0 || ny >= height) {
                    continue;
                }
                boolean inRun = false;
                for (int x = left; x <= right; x++) {
                    boolean match = !region.get(ny * width + x) && image.getRGB(x, ny) == colour;
                    if (match && !inRun) {
                        if (size == stack.length) {
                            stack = Arrays.copyOf(stack, size * 2);
                        }
                        stack[size++] = ny * width + x;
                    }
                    inRun = match;
                }
            }
        }
        return region;
    }

    /**
     * {@code {"counts": base64(zlib(bytes)), "compression": "zlib_base64", "shape": shape, "dtype": dtype}}: one byte
     * per pixel, row-major, 1 inside the mask.
     */
    static ObjectNode encode(BitSet mask, int width, int height, String dtype, int... shape) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            byte[] row = new byte[width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    row[x] = (byte) (mask.get(y * width + x) ? 1 : 0);
                }
                deflater.write(row);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode encoded = Json.object()
                .put("counts", Base64.getEncoder().encodeToString(out.toByteArray()))
                .put("compression", "zlib_base64");
        var dims = encoded.putArray("shape");
        for (int dim : shape) {
            dims.add(dim);
        }
        encoded.put("dtype", dtype);
        return encoded;
    }
}
