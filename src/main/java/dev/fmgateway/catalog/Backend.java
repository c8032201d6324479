package dev.fmgateway.catalog;

/** The AWS service that serves a model. */
public enum Backend {

    BEDROCK, SAGEMAKER

}
