package dev.fmgateway.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a caller's base64 image (optionally as a {@code data:} URL): PNG or JPEG only, and dimensions read from
 * the header before anything is decoded, so an oversized image is refused cheaply.
 */
public final class Base64Images {

    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    private Base64Images() {
    }

    /** A decoded image: its bytes, format and size. */
    public record Image(byte[] data, String format, int width, int height) {
    }

    public static Image read(String field, String base64, int maxSide) {
        byte[] data;
        try {
            String payload = base64.startsWith("data:") ? base64.substring(base64.indexOf(',') + 1) : base64;
            data = Base64.getMimeDecoder().decode(payload);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidRequestException(field, "is not valid base64");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in != null ? ImageIO.getImageReaders(in) : null;
            if (readers == null || !readers.hasNext()) {
                throw new InvalidRequestException(field, "must be a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new InvalidRequestException(field, "must be a PNG or JPEG image, not " + format);
                }
                reader.setInput(in);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > maxSide || height > maxSide) {
                    throw new InvalidRequestException(field, "must be at most " + maxSide + " pixels on each side");
                }
                return new Image(data, format, width, height);
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException ex) {
            throw new InvalidRequestException(field, "could not be read as an image");
        }
    }
}
