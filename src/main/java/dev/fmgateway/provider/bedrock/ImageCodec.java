package dev.fmgateway.provider.bedrock;

import java.util.Base64;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.invocation.Usage;
import tools.jackson.databind.JsonNode;

/** The native InvokeModel body of one image generation family. */
interface ImageCodec {

    PayloadFamily family();

    Object request(ImagePrompt prompt);

    /** The images in the answer; throws {@link dev.fmgateway.provider.ContentFilteredException} if blocked. */
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
