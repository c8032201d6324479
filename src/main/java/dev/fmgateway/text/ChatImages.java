package dev.fmgateway.text;

import java.util.Base64;
import java.util.Map;

import dev.fmgateway.invocation.ContentPart;
import dev.fmgateway.web.InvalidRequestException;
import dev.fmgateway.web.PayloadTooLargeException;
import org.springframework.util.unit.DataSize;

/**
 * Image parts as Bedrock takes them (Converse): PNG, JPEG, GIF or WebP whose bytes are what the media type says,
 * at most 3.75 MB and 8,000 pixels a side each, at most 20 per request. Checked from the header alone, before
 * any call.
 */
public final class ChatImages {

    public static final int MAX_BYTES = 3_932_160;

    public static final int MAX_SIDE = 8000;

    public static final int MAX_COUNT = 20;

    private static final Map<String, String> FORMATS = Map.of("image/png", "png", "image/jpeg", "jpeg",
            "image/jpg", "jpeg", "image/gif", "gif", "image/webp", "webp");

    private ChatImages() {
    }

    public static ContentPart.Image read(String field, String mediaType, String base64) {
        String format = FORMATS.get(mediaType.toLowerCase(java.util.Locale.ROOT));
        if (format == null) {
            throw new InvalidRequestException(field + ".mediaType", "must be image/png, image/jpeg, image/gif or image/webp");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidRequestException(field + ".base64", "is not valid base64");
        }
        if (bytes.length > MAX_BYTES) {
            throw new PayloadTooLargeException(DataSize.ofBytes(MAX_BYTES));
        }
        String actual = sniff(bytes);
        if (!format.equals(actual)) {
            throw new InvalidRequestException(field + ".base64", actual == null ? "is not a PNG, JPEG, GIF or WebP image"
                    : "is a " + actual.toUpperCase(java.util.Locale.ROOT) + " image, not " + mediaType);
        }
        int[] size = size(format, bytes);
        if (size == null) {
            throw new InvalidRequestException(field + ".base64", "has a " + format + " header that cannot be read");
        }
        if (size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            throw new InvalidRequestException(field, "is " + size[0] + "x" + size[1] + " pixels; at most " + MAX_SIDE
                    + " pixels a side");
        }
        return new ContentPart.Image(format, bytes);
    }

    /** The format the magic bytes say, or null. */
    static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "webp";
        }
        return null;
    }

    /** Width and height from the header, or null when it is cut short. */
    static int[] size(String format, byte[] b) {
        return switch (format) {
            case "png" -> b.length >= 24 ? new int[] { int32(b, 16), int32(b, 20) } : null;
            case "gif" -> b.length >= 10 ? new int[] { u16le(b, 6), u16le(b, 8) } : null;
            case "webp" -> webp(b);
            default -> jpeg(b);
        };
    }

    private static int[] jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                return null;
            }
            int marker = b[i + 1] & 0xff;
            int length = u16(b, i + 2);
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame) {
                return new int[] { u16(b, i + 7), u16(b, i + 5) };
            }
            i += 2 + length;
        }
        return null;
    }

    private static int[] webp(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> new int[] { u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff };
            case "VP8L" -> {
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                yield new int[] { (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1 };
            }
            case "VP8X" -> new int[] { u24le(b, 24) + 1, u24le(b, 27) + 1 };
            default -> null;
        };
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static int u16le(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int u24le(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
