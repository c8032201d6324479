package dev.fmgateway.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/** The AWS service that serves a model. */
@Schema(enumAsRef = true)
public enum Backend {

    BEDROCK, SAGEMAKER

}
