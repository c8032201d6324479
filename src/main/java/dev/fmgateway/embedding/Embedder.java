package dev.fmgateway.embedding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Limits;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.problem.UpstreamTimeoutException;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.EmbeddingResult;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.web.InvalidRequestException;

/**
 * Embeds several inputs: one call per input for models that take one per call, or one call per batch of texts for
 * families that take several (Cohere Embed: 96, consecutive texts of the same input type together); the calls run in
 * parallel on virtual threads (at most {@value #MAX_PARALLEL} at a time per request), results in input order. The
 * first failure fails the whole request (the other calls are cancelled): never a silently short result.
 */
@Component
public class Embedder {

    /** Calls one request may have in flight, so a large batch cannot take a deployment's whole concurrency. */
    static final int MAX_PARALLEL = 16;

    private final ModelInvoker invoker;

    Embedder(ModelInvoker invoker) {
        this.invoker = invoker;
    }

    public Embeddings embed(CatalogModel model, List<EmbeddingInput> inputs, CallContext context) {
        checkLimits(model, inputs);
        // A model of one vector length is not asked for one (Cohere Embed v3 refuses output_dimension).
        List<EmbeddingInput> batches = calls(model.family().textsPerCall(),
                model.limits().embeddingDimensions().size() == 1, inputs);
        List<Completion<EmbeddingResult>> completions = new ArrayList<>(batches.size());
        Semaphore parallel = new Semaphore(MAX_PARALLEL);
        // One deadline for the whole fan-out: items that wait for a slot spend the request's time, not their own.
        Deadline deadline = this.invoker.deadline(model, context);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Completion<EmbeddingResult>>> calls = batches.stream()
                .map(input -> threads.submit(() -> {
                    if (!parallel.tryAcquire(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
                        throw UpstreamTimeoutException.deadline(model.id(), "the request's deadline passed");
                    }
                    try {
                        return this.invoker.invoke(model, input, context, deadline);
                    }
                    finally {
                        parallel.release();
                    }
                }))
                .toList();
            for (Future<Completion<EmbeddingResult>> call : calls) {
                completions.add(await(call, calls));
            }
        }
        return Embeddings.of(completions, Boolean.TRUE.equals(inputs.getFirst().normalize()));
    }

    /** The upstream calls for the inputs: each text alone, or consecutive texts of one input type in batches. */
    static List<EmbeddingInput> calls(int perCall, boolean fixedLength, List<EmbeddingInput> inputs) {
        if (perCall == 1 || inputs.stream().anyMatch(input -> input.text() == null || input.image() != null)) {
            return inputs;
        }
        List<EmbeddingInput> calls = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        EmbeddingInput runStart = inputs.getFirst();
        for (EmbeddingInput input : inputs) {
            if (texts.size() == perCall || !Objects.equals(input.inputType(), runStart.inputType())) {
                calls.add(EmbeddingInput.batch(List.copyOf(texts), fixedLength ? null : runStart.dimensions(),
                        runStart.normalize(), runStart.inputType()));
                texts.clear();
                runStart = input;
            }
            texts.add(input.text());
        }
        calls.add(EmbeddingInput.batch(List.copyOf(texts), fixedLength ? null : runStart.dimensions(),
                runStart.normalize(), runStart.inputType()));
        return calls;
    }

    private static Completion<EmbeddingResult> await(Future<Completion<EmbeddingResult>> call,
            List<Future<Completion<EmbeddingResult>>> all) {
        try {
            return call.get();
        }
        catch (ExecutionException ex) {
            all.forEach(other -> other.cancel(true));
            throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
        }
        catch (InterruptedException ex) {
            all.forEach(other -> other.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", ex);
        }
    }

    private static void checkLimits(CatalogModel model, List<EmbeddingInput> inputs) {
        Limits limits = model.limits();
        if (limits.maxBatch() != null && inputs.size() > limits.maxBatch()) {
            throw new InvalidRequestException("input", "may hold at most " + limits.maxBatch() + " items for " + model.id());
        }
        Integer dimensions = inputs.getFirst().dimensions();
        if (dimensions != null && !limits.embeddingDimensions().contains(dimensions)) {
            throw new InvalidRequestException("dimensions", limits.embeddingDimensions().isEmpty()
                    ? "cannot be chosen for " + model.id() : "must be one of " + limits.embeddingDimensions());
        }
        if (limits.maxInputChars() != null) {
            for (EmbeddingInput input : inputs) {
                if (input.text() != null && input.text().length() > limits.maxInputChars()) {
                    throw new InvalidRequestException("input",
                            "items must be at most " + limits.maxInputChars() + " characters for " + model.id());
                }
            }
        }
    }

    /** The vectors in input order, with total usage and cost. */
    public record Embeddings(List<float[]> vectors, Usage.Tokens usage, Cost cost, Completion<EmbeddingResult> first) {

        static Embeddings of(List<Completion<EmbeddingResult>> completions, boolean normalize) {
            List<float[]> vectors = new ArrayList<>();
            long tokens = 0;
            boolean estimated = false;
            BigDecimal usd = BigDecimal.ZERO;
            for (Completion<EmbeddingResult> completion : completions) {
                for (float[] vector : completion.result().vectors()) {
                    vectors.add(normalize ? Vectors.normalized(vector) : vector);
                }
                EmbeddingResult result = completion.result();
                tokens += result.usage().input();
                estimated |= result.usage().estimated();
                usd = usd.add(completion.costOrZero().usd());
            }
            return new Embeddings(vectors, new Usage.Tokens(tokens, 0, estimated),
                    new Cost(usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros(), estimated),
                    completions.getFirst());
        }
    }
}
