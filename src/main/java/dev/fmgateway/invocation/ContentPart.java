package dev.fmgateway.invocation;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** One block of a conversation turn. Codecs that cannot send a kind of part refuse it before any call. */
public sealed interface ContentPart {

    /** Plain text. */
    record Text(String text) implements ContentPart {
    }

    /**
     * An image, as bytes (already checked against its declared type and the size limits).
     *
     * @param format {@code png}, {@code jpeg}, {@code gif} or {@code webp}
     */
    record Image(String format, byte[] bytes) implements ContentPart {

        @Override
        public boolean equals(Object other) {
            return other instanceof Image image && image.format.equals(this.format)
                    && Arrays.equals(image.bytes, this.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * this.format.hashCode() + Arrays.hashCode(this.bytes);
        }

        @Override
        public String toString() {
            return "Image[" + this.format + ", " + this.bytes.length + " bytes]";
        }
    }

    /**
     * A document, as bytes (already checked against its declared format and the size limits).
     *
     * @param format {@code pdf}, {@code csv}, {@code doc}, {@code docx}, {@code xls}, {@code xlsx}, {@code html},
     *        {@code txt} or {@code md}
     * @param name the name the model sees (Bedrock's rules: letters, digits, single spaces, hyphens, brackets)
     */
    record Document(String format, String name, byte[] bytes) implements ContentPart {

        @Override
        public boolean equals(Object other) {
            return other instanceof Document document && document.format.equals(this.format)
                    && document.name.equals(this.name) && Arrays.equals(document.bytes, this.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * this.format.hashCode() + this.name.hashCode()) + Arrays.hashCode(this.bytes);
        }

        @Override
        public String toString() {
            return "Document[" + this.format + ", " + this.name + ", " + this.bytes.length + " bytes]";
        }
    }

    /** A tool call the assistant made (in an assistant turn). */
    record ToolUse(String id, String name, JsonNode input) implements ContentPart {
    }

    /**
     * What a tool answered (in a user turn).
     *
     * @param content a string (sent as text) or any JSON value (sent as JSON)
     */
    record ToolResult(String toolUseId, JsonNode content, boolean error) implements ContentPart {
    }

    /** The model's reasoning, passed back unchanged: the signature proves it is the model's own. */
    record Reasoning(String text, @Nullable String signature) implements ContentPart {
    }

    /** Everything before this point may be cached by models that cache prompts. */
    record CachePoint() implements ContentPart {
    }
}
