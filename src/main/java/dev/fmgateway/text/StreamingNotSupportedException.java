package dev.fmgateway.text;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;

import dev.fmgateway.catalog.CatalogModel;

/** The caller asked for a stream from a model that cannot stream. */
class StreamingNotSupportedException extends GatewayException {

    StreamingNotSupportedException(CatalogModel model) {
        super(ProblemCode.STREAMING_NOT_SUPPORTED, "'" + model.id() + "' cannot stream; send the request without stream");
        extend("model", model.id());
    }
}
