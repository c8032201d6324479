package dev.fmgateway.provider.bedrock;

import dev.fmgateway.problem.ContentFilteredException;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/** The native InvokeModel body of one image generation family. */
interface ImageCodec {

    PayloadFamily family();

    /** Rejects, before any call, parameters this family does not take and values outside its ranges (400). */
    void check(ImagePrompt prompt);

    Object request(ImagePrompt prompt);

    static void unsupported(String family, String field, @Nullable Object value) {
        if (value != null) {
            throw new InvalidRequestException(field, "is not supported by " + family + " models");
        }
    }

    static void range(String field, @Nullable Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            throw new InvalidRequestException(field, "must be between " + fmt(min) + " and " + fmt(max)
                    + " for this model");
        }
    }

    static void maxLength(String field, @Nullable String value, int max, String family) {
        if (value != null && value.length() > max) {
            throw new InvalidRequestException(field, "must be at most " + max + " characters for " + family + " models");
        }
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The images in the answer; throws {@link dev.fmgateway.problem.ContentFilteredException} if blocked. */
    ImageResult response(JsonNode body, ImagePrompt prompt, String modelId);

    static byte[] decode(JsonNode base64) {
        return Base64.getDecoder().decode(base64.asString(""));
    }

    static Usage.Images usage(int count, ImagePrompt prompt) {
        return new Usage.Images(count, prompt.width(), prompt.height(), prompt.steps() != null ? prompt.steps() : 0,
                prompt.quality() != null ? prompt.quality() : "standard");
    }

    /** PNG or JPEG, from the magic bytes. */
    static String mimeType(byte[] data) {
        return data.length > 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 ? "image/jpeg" : "image/png";
    }
}
