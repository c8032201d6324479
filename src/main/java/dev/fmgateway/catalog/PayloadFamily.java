package dev.fmgateway.catalog;

/**
 * The native request/response format a model speaks. A provider adapter has one codec per family, so a new
 * model (or a fine-tuned SageMaker endpoint) of a known family is a catalog entry, not code.
 */
public enum PayloadFamily {

    /** Anthropic Claude 3 and later, Messages API on Bedrock. */
    ANTHROPIC_MESSAGES,

    /** Anthropic Claude v2, v2.1 and Instant, Text Completions API. */
    ANTHROPIC_TEXT,

    /** Amazon Titan Text Lite, Express and Premier. */
    TITAN_TEXT

}
