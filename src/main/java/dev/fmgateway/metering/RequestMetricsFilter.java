package dev.fmgateway.metering;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.NativeCall;
import dev.fmgateway.invocation.Stage;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.problem.GatewayException;

/**
 * Times every model call ({@code gateway_requests_seconds}) by model, backend, operation and outcome, where the
 * outcome is {@code ok} or the problem code the caller got. Tags are catalog values and codes only.
 */
@Component
class RequestMetricsFilter implements InvocationFilter {

    private final MeterRegistry meters;

    RequestMetricsFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Stage stage() {
        return Stage.METRICS;
    }

    @Override
    public Completion<?> filter(Invocation invocation, InvocationChain next) {
        Timer.Sample sample = Timer.start(this.meters);
        String outcome = "ok";
        try {
            return next.proceed(invocation);
        }
        catch (GatewayException ex) {
            outcome = ex.code().name();
            throw ex;
        }
        catch (TextDeltaSink.ClientGoneException ex) {
            outcome = "CLIENT_GONE";
            throw ex;
        }
        catch (RuntimeException ex) {
            outcome = "INTERNAL_ERROR";
            throw ex;
        }
        finally {
            sample.stop(Timer.builder("gateway.requests")
                .description("Model calls through the gateway")
                .tag("model", invocation.model().id())
                .tag("backend", invocation.model().backend().name().toLowerCase(Locale.ROOT))
                .tag("operation", operation(invocation))
                .tag("outcome", outcome)
                .register(this.meters));
        }
    }

    private static String operation(Invocation invocation) {
        return switch (invocation.request()) {
            case TextPrompt prompt -> "text";
            case TextStream stream -> "text_stream";
            case ImagePrompt prompt -> "image";
            case SegmentationInput input -> "segmentation";
            case EmbeddingInput input -> "embedding";
            case NativeCall call -> call.sink() != null ? "native_stream" : "native";
        };
    }
}
