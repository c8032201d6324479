package dev.fmgateway.text;

import org.springframework.http.HttpStatus;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.web.ApiException;

/** The caller asked for a stream from a model that cannot stream. */
class StreamingNotSupportedException extends ApiException {

    StreamingNotSupportedException(CatalogModel model) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "STREAMING_NOT_SUPPORTED", "Streaming not supported",
                "'" + model.id() + "' cannot stream; send the request without stream");
        extend("model", model.id());
    }
}
