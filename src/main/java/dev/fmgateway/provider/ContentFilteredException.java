package dev.fmgateway.provider;

import org.springframework.http.HttpStatus;

/** The provider's content moderation blocked the prompt or the output. */
public class ContentFilteredException extends UpstreamException {

    public ContentFilteredException(String modelId, String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "CONTENT_FILTERED", "Blocked by content moderation",
                "The provider's content filter blocked the request to '" + modelId + "': " + reason);
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
