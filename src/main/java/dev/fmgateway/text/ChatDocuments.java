package dev.fmgateway.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

import dev.fmgateway.invocation.ContentPart;
import dev.fmgateway.web.InvalidRequestException;
import dev.fmgateway.web.PayloadTooLargeException;

/**
 * Document parts as Bedrock takes them (Converse DocumentBlock): one of nine formats whose bytes are what the format
 * says (PDF, the Office zip or compound-file containers, UTF-8 text for the text formats), at most 4.5 MB each and
 * five per request, named by letters, digits, single spaces, hyphens, parentheses and square brackets (1 to 200
 * characters). Checked before any call.
 */
public final class ChatDocuments {

    public static final int MAX_BYTES = 4_718_592;

    public static final int MAX_COUNT = 5;

    public static final List<String> FORMATS = List.of("pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt",
            "md");

    /** Media types of the formats, for data URLs (OpenAI's {@code file} parts). */
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(Map.entry("application/pdf", "pdf"),
            Map.entry("text/csv", "csv"), Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("text/html", "html"), Map.entry("text/plain", "txt"), Map.entry("text/markdown", "md"));

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9\\-()\\[\\]]+( [A-Za-z0-9\\-()\\[\\]]+)*");

    private ChatDocuments() {
    }

    public static ContentPart.Document read(String field, String format, String name, String base64) {
        if (!FORMATS.contains(format)) {
            throw new InvalidRequestException(field + ".format", "must be one of " + String.join(", ", FORMATS));
        }
        if (name.length() > 200 || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException(field + ".name", "must be 1 to 200 letters, digits, hyphens, parentheses "
                    + "or square brackets, with single spaces between words (no dots: 'Q3 report', not 'q3.pdf')");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidRequestException(field + ".base64", "is not valid base64");
        }
        if (bytes.length == 0) {
            throw new InvalidRequestException(field + ".base64", "is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new PayloadTooLargeException(DataSize.ofBytes(MAX_BYTES));
        }
        if (!matches(format, bytes)) {
            throw new InvalidRequestException(field + ".base64", "is not a " + format + " document");
        }
        return new ContentPart.Document(format, name, bytes);
    }

    /** The format of a media type, or null when Bedrock takes no such document. */
    public static @Nullable String formatOf(String mediaType) {
        return MEDIA_TYPES.get(mediaType.toLowerCase(Locale.ROOT));
    }

    /** A name Bedrock takes, made from a file name: its extension dropped, other characters turned into hyphens. */
    public static String nameOf(String filename) {
        int dot = filename.lastIndexOf('.');
        String stem = dot > 0 ? filename.substring(0, dot) : filename;
        String name = stem.replaceAll("[^A-Za-z0-9\\-()\\[\\] ]", "-").trim().replaceAll(" +", " ");
        if (name.length() > 200) {
            name = name.substring(0, 200).trim();
        }
        return name.isEmpty() ? "document" : name;
    }

    private static boolean matches(String format, byte[] b) {
        return switch (format) {
            case "pdf" -> b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';
            // Office Open XML: a zip archive
            case "docx", "xlsx" -> b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
            // Office 97-2003: a compound file
            case "doc", "xls" -> b.length >= 8 && (b[0] & 0xff) == 0xd0 && (b[1] & 0xff) == 0xcf
                    && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xe0;
            default -> text(b);
        };
    }

    private static boolean text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
            return text.indexOf('\0') < 0;
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }
}
