package dev.fmgateway.problem;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.EndedEarly;


/**
 * An upstream failure after part of a stream reached the client. It keeps the cause's status and code for the
 * {@code error} event, but is never retried: the client already holds part of the answer.
 */
public class StreamInterruptedException extends UpstreamException implements EndedEarly {

    private final transient @Nullable Completion<?> partial;

    /**
     * @param partial what the deployment produced before the failure (usage estimated where the provider sent no
     *        counts): it was billed, so it is metered and recorded
     */
    public StreamInterruptedException(UpstreamException cause, @Nullable Completion<?> partial) {
        this(cause.code(), "The stream failed after it started: " + cause.detail(), partial);
    }

    private StreamInterruptedException(ProblemCode code, String detail, @Nullable Completion<?> partial) {
        super(code, detail);
        this.partial = partial;
    }

    @Override
    public StreamInterruptedException withPartial(Completion<?> priced) {
        return new StreamInterruptedException(code(), detail(), priced);
    }

    @Override
    public @Nullable Completion<?> partial() {
        return this.partial;
    }

    @Override
    public String outcome() {
        return code().name();
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
