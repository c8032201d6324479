package dev.fmgateway.problem;


/** The provider's content moderation blocked the prompt or the output. */
public class ContentFilteredException extends UpstreamException {

    public ContentFilteredException(String modelId, String reason) {
        super(ProblemCode.CONTENT_FILTERED, "The provider's content filter blocked the request to '" + modelId + "': " + reason);
    }

}
