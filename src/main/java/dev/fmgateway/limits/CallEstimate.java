package dev.fmgateway.limits;

import java.math.BigDecimal;

import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.Limits;
import dev.fmgateway.catalog.Price;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.InferenceRequest;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.NativeCall;
import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.metering.CostCalculator;

/**
 * What a call will count before it runs: its input tokens, estimated from the request (about four characters a
 * token), and the most it can cost: that input plus {@code maxTokens} of output (or the images asked for) at the
 * dearest price among its candidate deployments. The most it can cost is what a budget reserves on admission.
 */
record CallEstimate(long inputTokens, long maxCostNanos) {

    static CallEstimate of(Invocation invocation) {
        InferenceRequest<?> request = invocation.request();
        Usage worst = switch (request) {
            case TextPrompt prompt -> text(prompt);
            case TextStream stream -> text(stream.prompt());
            case EmbeddingInput input -> new Usage.Tokens(
                    Usage.Tokens.estimate(String.join("\n", input.texts())), 0, true);
            case ImagePrompt image -> new Usage.Images(image.count(), image.width(), image.height(),
                    image.steps() != null ? image.steps() : 0, image.quality() != null ? image.quality() : "standard");
            case SegmentationInput segmentation -> new Usage.Requests(1);
            case NativeCall call -> nativeBody(call, invocation.model().limits());
        };
        long input = worst instanceof Usage.Tokens tokens ? tokens.input() : 0;
        BigDecimal dearest = BigDecimal.ZERO;
        for (Deployment deployment : invocation.candidates()) {
            Price price = invocation.model().priceAt(deployment);
            if (price != null) {
                BigDecimal usd = CostCalculator.costOf(price, worst).usd();
                dearest = usd.compareTo(dearest) > 0 ? usd : dearest;
            }
        }
        return new CallEstimate(input, Nanos.of(dearest));
    }

    /**
     * A caller's native body, whose fields the gateway does not read: its size for the input, and the model's
     * output limit (or its default answer length) for the most it may write.
     */
    private static Usage.Tokens nativeBody(NativeCall call, Limits limits) {
        Integer output = limits.maxOutputTokens() != null ? limits.maxOutputTokens() : limits.defaultOutputTokens();
        return new Usage.Tokens(Math.max(1, call.body().length / 4), output != null ? output : 0, true);
    }

    private static Usage.Tokens text(TextPrompt prompt) {
        StringBuilder text = new StringBuilder();
        if (prompt.system() != null) {
            text.append(prompt.system());
        }
        for (ChatMessage turn : prompt.turns()) {
            text.append(turn.text());
        }
        return new Usage.Tokens(Usage.Tokens.estimate(text.toString()), prompt.maxTokens(), true);
    }
}
