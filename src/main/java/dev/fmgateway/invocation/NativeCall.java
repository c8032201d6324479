package dev.fmgateway.invocation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.PayloadFamily;

/**
 * A caller's own native body (a Bedrock InvokeModel or SageMaker InvokeEndpoint request, as the AWS SDKs send
 * it), forwarded unchanged. Only deployments of the same backend and payload family may serve it, since the body
 * is in that family's format; failover never switches format.
 *
 * @param body the request body, byte for byte
 * @param contentType the body's media type
 * @param accept the media type asked for the answer
 * @param backend Bedrock or SageMaker (the API the caller spoke)
 * @param family the payload family the body is in
 * @param options the service's request options, by the service's header name (guardrail, trace, custom
 * attributes, ...); only the ones the adapter knows are sent on
 * @param sink where a streamed answer goes, part by part; null for a plain call
 * @param converse whether the body is a Bedrock Converse request rather than an InvokeModel one: then any
 * Converse-capable family on Bedrock may serve it (the body does not depend on the family)
 */
public record NativeCall(byte[] body, String contentType, String accept, Backend backend, PayloadFamily family,
        Map<String, String> options, @Nullable NativeSink sink, boolean converse)
        implements InferenceRequest<NativeResult> {

    /** The families Bedrock serves through Converse: every text and chat family but Jurassic-2. */
    public static final Set<PayloadFamily> CONVERSE_FAMILIES = EnumSet.of(PayloadFamily.ANTHROPIC_MESSAGES,
            PayloadFamily.ANTHROPIC_TEXT, PayloadFamily.TITAN_TEXT, PayloadFamily.META_LLAMA2,
            PayloadFamily.META_LLAMA3, PayloadFamily.AMAZON_NOVA, PayloadFamily.MISTRAL, PayloadFamily.COHERE_COMMAND,
            PayloadFamily.DEEPSEEK, PayloadFamily.OPENAI_GPT_OSS, PayloadFamily.META_LLAMA4);

    public NativeCall {
        options = Map.copyOf(options);
    }

    /** An InvokeModel / InvokeEndpoint body. */
    public NativeCall(byte[] body, String contentType, String accept, Backend backend, PayloadFamily family,
            Map<String, String> options, @Nullable NativeSink sink) {
        this(body, contentType, accept, backend, family, options, sink, false);
    }

    @Override
    public Class<NativeResult> resultType() {
        return NativeResult.class;
    }

    @Override
    public boolean servedBy(Deployment deployment) {
        if (this.converse) {
            return deployment.backend() == Backend.BEDROCK && CONVERSE_FAMILIES.contains(deployment.family());
        }
        return deployment.backend() == this.backend && deployment.family() == this.family;
    }
}
