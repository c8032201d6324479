package dev.fmgateway.openai;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.web.ModelResponseHeaders;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.text.StructuredOutput;
import dev.fmgateway.text.TextGenerationRequest;
import dev.fmgateway.text.TextPrompts;
import dev.fmgateway.web.InvalidRequestException;

/**
 * Turns a translated text request into a model and a prompt exactly as {@code POST /v1/text/generations} does
 * (the same bean validation, catalog lookup with 404/422, and limits from {@link TextPrompts}), and calls it
 * through the same {@link ModelInvoker} chain.
 */
@Component
class OpenAiTexts {

    static final int MAX_CHOICES = 8;

    private static final Set<Capability> TEXT = Set.of(Capability.TEXT_GENERATION, Capability.CHAT);

    private final ModelCatalog catalog;

    private final Validator validator;

    private final ModelInvoker invoker;

    OpenAiTexts(ModelCatalog catalog, Validator validator, ModelInvoker invoker) {
        this.catalog = catalog;
        this.validator = validator;
        this.invoker = invoker;
    }

    Prepared prepare(TextGenerationRequest request) {
        this.validator.validate(request)
            .stream()
            .min(Comparator.comparing((ConstraintViolation<TextGenerationRequest> v) -> v.getPropertyPath().toString()))
            .ifPresent(violation -> {
                throw new InvalidRequestException(violation.getPropertyPath().toString(), violation.getMessage());
            });
        CatalogModel model = this.catalog.require(request.model(), TEXT);
        return new Prepared(model, TextPrompts.of(request, model));
    }

    /**
     * {@code n} choices are {@code n} calls through the chain, each metered (at most {@link #MAX_CHOICES}), all
     * within the one deadline of the request.
     */
    List<Completion<TextResult>> invoke(Prepared prepared, int choices, CallContext context) {
        List<Completion<TextResult>> calls = new ArrayList<>(choices);
        Deadline deadline = this.invoker.deadline(prepared.model(), context);
        for (int i = 0; i < choices; i++) {
            if (prepared.prompt().responseFormat() != null) {
                calls.add(StructuredOutput.generate(this.invoker, prepared.model(), prepared.prompt(), context).completion());
            }
            else {
                calls.add(this.invoker.invoke(prepared.model(), prepared.prompt(), context, deadline));
            }
        }
        return calls;
    }

    /** The model response headers, with cost and tokens summed over the calls. */
    static HttpHeaders headers(List<Completion<TextResult>> calls) {
        Completion<TextResult> first = calls.getFirst();
        BigDecimal usd = BigDecimal.ZERO;
        boolean estimated = false;
        long in = 0;
        long out = 0;
        for (Completion<TextResult> call : calls) {
            usd = usd.add(call.costOrZero().usd());
            estimated |= call.costOrZero().estimated();
            Usage.Tokens tokens = call.result().usage();
            in += tokens.input();
            out += tokens.output();
        }
        return ModelResponseHeaders.of(first.model(), first.deployment().region(), new Cost(usd, estimated),
                new Usage.Tokens(in, out, estimated));
    }

    static OpenAiUsage usage(List<Completion<TextResult>> calls) {
        return calls.stream()
            .map(call -> OpenAiUsage.of(call.result().usage()))
            .reduce(OpenAiUsage.NONE, OpenAiUsage::plus);
    }

    /** OpenAI's {@code finish_reason}: a stop sequence is a {@code stop} there. */
    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP, STOP_SEQUENCE -> "stop";
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content_filter";
            case TOOL_USE -> "tool_calls";
        };
    }

    record Prepared(CatalogModel model, TextPrompt prompt) {
    }
}
