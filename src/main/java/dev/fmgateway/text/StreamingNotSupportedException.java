package dev.fmgateway.text;

import org.springframework.http.HttpStatus;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.web.ApiException;

/** The caller asked for a stream that this gateway version or model cannot produce. */
class StreamingNotSupportedException extends ApiException {

    StreamingNotSupportedException(CatalogModel model) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "STREAMING_NOT_SUPPORTED", "Streaming not supported",
                "Streaming responses are not available for '" + model.id() + "'; send the request without stream");
        extend("model", model.id());
    }
}
