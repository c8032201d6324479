package dev.fmgateway.provider.sagemaker;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.stereotype.Component;

import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.SegmentationResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.UpstreamErrorException;
import tools.jackson.databind.JsonNode;

/**
 * Segment Anything on a SageMaker endpoint, image mode: the base64 image with point ({@code points},
 * {@code labels}) and box prompts; masks come back as {@code zlib_base64} uint8 arrays of shape [H, W] (the SAM
 * 2.1 JumpStart mask encoding) and leave the gateway as 8-bit PNGs with their bounding boxes.
 */
@Component
class SamCodec {

    Object request(SegmentationInput input) {
        return new Request(Base64.getEncoder().encodeToString(input.image()),
                input.points().stream().map(p -> List.of(p.x(), p.y())).toList(),
                input.points().stream().map(SegmentationInput.Point::label).toList(),
                input.boxes().stream().map(b -> List.of(b.x0(), b.y0(), b.x1(), b.y1())).toList(), input.multimask());
    }

    SegmentationResult response(JsonNode body, SegmentationInput input, String modelId) {
        List<SegmentationResult.Mask> masks = new ArrayList<>();
        JsonNode scores = body.path("scores");
        int index = 0;
        for (JsonNode mask : body.path("masks")) {
            int height = mask.path("shape").path(0).asInt();
            int width = mask.path("shape").path(1).asInt();
            if (height != input.height() || width != input.width()
                    || !"zlib_base64".equals(mask.path("compression").asString(""))) {
                throw new UpstreamErrorException(modelId, "the endpoint returned a mask of an unexpected shape or encoding");
            }
            byte[] pixels = inflate(Base64.getDecoder().decode(mask.path("counts").asString("")), width * height, modelId);
            masks.add(toMask(pixels, width, height, scores.path(index++).asDouble(0)));
        }
        return new SegmentationResult(input.width(), input.height(), masks, new Usage.Requests(1));
    }

    private static byte[] inflate(byte[] compressed, int size, String modelId) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] pixels = new byte[size];
            int read = 0;
            while (read < size && !inflater.finished()) {
                int n = inflater.inflate(pixels, read, size - read);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += n;
            }
            if (read != size) {
                throw new UpstreamErrorException(modelId, "a mask had " + read + " pixels instead of " + size);
            }
            return pixels;
        }
        catch (DataFormatException ex) {
            throw new UpstreamErrorException(modelId, "a mask was not valid zlib data");
        }
        finally {
            inflater.end();
        }
    }

    private static SegmentationResult.Mask toMask(byte[] pixels, int width, int height, double score) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raster = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] != 0) {
                raster[i] = (byte) 255;
                int x = i % width, y = i / width;
                x0 = Math.min(x0, x);
                y0 = Math.min(y0, y);
                x1 = Math.max(x1, x);
                y1 = Math.max(y1, y);
            }
        }
        SegmentationInput.Box bbox = x1 < 0 ? new SegmentationInput.Box(0, 0, 0, 0)
                : new SegmentationInput.Box(x0, y0, x1, y1);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new SegmentationResult.Mask(png.toByteArray(), score, bbox);
    }

    record Request(String image, List<List<Integer>> points, List<Integer> labels, List<List<Integer>> boxes,
            @JsonProperty("multimask_output") boolean multimaskOutput) {
    }
}
