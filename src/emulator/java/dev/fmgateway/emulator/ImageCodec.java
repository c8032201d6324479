package dev.fmgateway.emulator;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Real image bytes for image models, and decoding of input images. Generated images are an 8 × 8 grid
 * of flat colours drawn from a seeded random (seed = prompt hash, request seed and image index), so
 * they are deterministic, of the exact requested size and cheap to encode.
 */
final class ImageCodec {

    private static final int GRID = 8;

    private ImageCodec() {
    }

    static BufferedImage render(int width, int height, long seed, boolean transparentBackground) {
        BufferedImage image = new BufferedImage(width, height,
                transparentBackground ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] palette = new int[GRID * GRID];
        Random random = new Random(seed);
        for (int i = 0; i < palette.length; i++) {
            palette[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            int row = y * GRID / height * GRID;
            for (int x = 0; x < width; x++) {
                int color = palette[row + x * GRID / width];
                if (transparentBackground && !inCentralEllipse(x, y, width, height)) {
                    color &= 0x00FFFFFF;
                }
                pixels[y * width + x] = color;
            }
        }
        return image;
    }

    private static boolean inCentralEllipse(int x, int y, int width, int height) {
        double dx = (x - width / 2.0) / (width / 3.0);
        double dy = (y - height / 2.0) / (height / 3.0);
        return dx * dx + dy * dy <= 1;
    }

    /** @param format {@code png} or {@code jpeg} */
    static String encodeBase64(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format.equals("jpeg") ? "jpg" : format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** Decodes a base64 PNG/JPEG input; anything else is a 400 naming the field. */
    static BufferedImage decode(String base64, String field) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        }
        catch (IllegalArgumentException e) {
            throw ApiException.validation("Malformed input request: #/" + field + ": not valid base64, please reformat "
                    + "your input and try again.");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw ApiException.validation("Unable to decode the image in " + field + ". Supported formats are PNG and JPEG.");
            }
            return image;
        }
        catch (IOException e) {
            throw ApiException.validation("Unable to decode the image in " + field + ". Supported formats are PNG and JPEG.");
        }
    }

    static long seedOf(String prompt, long seed, int index) {
        return prompt.hashCode() * 31L * 31L + seed * 31L + index;
    }
}
