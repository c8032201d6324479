package dev.fmgateway.provider.sagemaker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.InflaterInputStream;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.SegmentationResult;
import dev.fmgateway.problem.UpstreamErrorException;
import tools.jackson.databind.JsonNode;

/**
 * One mask of the SAM 2.1 JumpStart encoding (reference §7.3): {@code {"counts": base64(zlib(raw array)),
 * "compression": "zlib_base64", "shape": [H, W] | [1, H, W] | [N, H, W], "dtype": "<numpy dtype>"}}, a pixel being
 * in the mask when its value is {@code > 0}. Each of its planes is decoded row by row, scaled (nearest pixel) to the
 * input's size when its own differs, and streamed into a PNG.
 */
final class ZlibMask {

    /** Largest side of a mask plane accepted. */
    static final int MAX_SIDE = 8192;

    private static final Pattern DTYPE = Pattern.compile("([<>|=]?)([biuf])([1248])");

    private static final Map<String, String> DTYPE_NAMES = Map.ofEntries(Map.entry("bool", "b1"),
            Map.entry("uint8", "u1"), Map.entry("int8", "i1"), Map.entry("uint16", "u2"), Map.entry("int16", "i2"),
            Map.entry("float16", "f2"), Map.entry("uint32", "u4"), Map.entry("int32", "i4"),
            Map.entry("float32", "f4"), Map.entry("uint64", "u8"), Map.entry("int64", "i8"),
            Map.entry("float64", "f8"));

    private final JsonNode mask;

    private final String modelId;

    private final int planes;

    private final int height;

    private final int width;

    private final char kind;

    private final int size;

    private final boolean bigEndian;

    ZlibMask(JsonNode mask, String modelId) {
        this.mask = mask;
        this.modelId = modelId;
        if (!"zlib_base64".equals(mask.path("compression").asString(""))) {
            throw fail("a mask's compression is not zlib_base64");
        }
        JsonNode shape = mask.path("shape");
        if (!shape.isArray() || shape.size() < 2 || shape.size() > 3) {
            throw fail("a mask's shape is not [H, W], [1, H, W] or [N, H, W]");
        }
        this.planes = shape.size() == 3 ? dimension(shape.get(0)) : 1;
        this.height = dimension(shape.get(shape.size() - 2));
        this.width = dimension(shape.get(shape.size() - 1));
        String dtype = mask.path("dtype").asString("").strip().toLowerCase(Locale.ROOT);
        Matcher matcher = DTYPE.matcher(DTYPE_NAMES.getOrDefault(dtype, dtype));
        if (!matcher.matches()) {
            throw fail("a mask's dtype '" + dtype + "' is not a numpy bool, integer or float type");
        }
        this.bigEndian = matcher.group(1).equals(">");
        this.kind = matcher.group(2).charAt(0);
        this.size = Integer.parseInt(matcher.group(3));
        if ((this.kind == 'b' && this.size != 1) || (this.kind == 'f' && this.size == 1)) {
            throw fail("a mask's dtype '" + dtype + "' is not a numpy bool, integer or float type");
        }
    }

    /** How many masks this holds: 1 for [H, W] and [1, H, W], N for [N, H, W]. */
    int planes() {
        return this.planes;
    }

    /** Plane {@code plane} as a PNG of {@code outWidth × outHeight} (the input's size), with its bounding box. */
    SegmentationResult.Mask decode(int plane, int outWidth, int outHeight, @Nullable Double score) {
        MaskPng png = new MaskPng(outWidth, outHeight);
        int[] column = new int[outWidth];
        for (int x = 0; x < outWidth; x++) {
            column[x] = (int) ((long) x * this.width / outWidth);
        }
        byte[] row = new byte[this.width * this.size];
        boolean[] inside = new boolean[outWidth];
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(counts()))) {
            skip(in, (long) plane * this.height * row.length);
            int written = 0;
            for (int y = 0; y < this.height; y++) {
                if (in.readNBytes(row, 0, row.length) != row.length) {
                    throw fail("a mask has fewer values than its shape says");
                }
                int until = (int) (((long) (y + 1) * outHeight + this.height - 1) / this.height);
                if (written < until) {
                    for (int x = 0; x < outWidth; x++) {
                        inside[x] = positive(row, column[x] * this.size);
                    }
                    for (; written < until; written++) {
                        png.row(inside);
                    }
                }
            }
        }
        catch (IOException ex) {
            throw fail("a mask is not valid zlib data");
        }
        return new SegmentationResult.Mask(png.finish(), score, png.bbox());
    }

    private byte[] counts() {
        try {
            return Base64.getMimeDecoder().decode(this.mask.path("counts").asString(""));
        }
        catch (IllegalArgumentException ex) {
            throw fail("a mask's counts are not base64");
        }
    }

    private void skip(InputStream in, long bytes) throws IOException {
        for (long left = bytes; left > 0;) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                throw fail("a mask has fewer values than its shape says");
            }
            left -= skipped;
        }
    }

    /** Whether the value at {@code offset} is {@code > 0} (numpy semantics: NaN and -0.0 are not). */
    private boolean positive(byte[] row, int offset) {
        long bits = 0;
        for (int i = 0; i < this.size; i++) {
            int shift = 8 * (this.bigEndian ? this.size - 1 - i : i);
            bits |= (row[offset + i] & 0xFFL) << shift;
        }
        if (this.kind == 'b' || this.kind == 'u') {
            return bits != 0;
        }
        long sign = 1L << (8 * this.size - 1);
        long magnitude = bits & ~sign & (sign | (sign - 1));
        if ((bits & sign) != 0 || magnitude == 0) {
            return false;
        }
        if (this.kind == 'i') {
            return true;
        }
        long infinity = switch (this.size) {
            case 2 -> 0x7C00L;
            case 4 -> 0x7F80_0000L;
            default -> 0x7FF0_0000_0000_0000L;
        };
        return magnitude <= infinity;
    }

    private int dimension(JsonNode value) {
        if (!value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > MAX_SIDE) {
            throw fail("a mask's shape has a dimension outside 1.." + MAX_SIDE);
        }
        return value.asInt();
    }

    private UpstreamErrorException fail(String detail) {
        return new UpstreamErrorException(this.modelId, detail);
    }
}
