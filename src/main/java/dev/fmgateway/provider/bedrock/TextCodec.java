package dev.fmgateway.provider.bedrock;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import tools.jackson.databind.JsonNode;

/**
 * The native InvokeModel body of one text model family: the request object to serialize, and the result read
 * from the response body and Bedrock's token-count headers.
 */
interface TextCodec {

    PayloadFamily family();

    Object request(TextPrompt prompt);

    TextResult response(JsonNode body, TokenCounts headers, TextPrompt prompt);

}
