package dev.fmgateway.awsnative;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bedrock Runtime's InvokeModel, InvokeModelWithResponseStream, Converse and ConverseStream, and SageMaker Runtime's InvokeEndpoint and
 * InvokeEndpointWithResponseStream, on AWS's own paths. Not part of the gateway's OpenAPI description: the AWS
 * service models describe them.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class NativeController {

    private final NativeInvoker invoker;

    NativeController(NativeInvoker invoker) {
        this.invoker = invoker;
    }

    @PostMapping("/model/{modelId}/invoke")
    ResponseEntity<byte[]> invokeModel(@PathVariable String modelId, HttpServletRequest request) {
        return this.invoker.invoke(AwsService.BEDROCK, modelId, request);
    }

    @PostMapping("/model/{modelId}/invoke-with-response-stream")
    void invokeModelWithResponseStream(@PathVariable String modelId, HttpServletRequest request,
            HttpServletResponse response) {
        this.invoker.stream(AwsService.BEDROCK, modelId, request, response);
    }

    @PostMapping("/model/{modelId}/converse")
    ResponseEntity<byte[]> converse(@PathVariable String modelId, HttpServletRequest request) {
        return this.invoker.converse(modelId, request);
    }

    @PostMapping("/model/{modelId}/converse-stream")
    void converseStream(@PathVariable String modelId, HttpServletRequest request, HttpServletResponse response) {
        this.invoker.converseStream(modelId, request, response);
    }

    @PostMapping("/endpoints/{endpointName}/invocations")
    ResponseEntity<byte[]> invokeEndpoint(@PathVariable String endpointName, HttpServletRequest request) {
        return this.invoker.invoke(AwsService.SAGEMAKER, endpointName, request);
    }

    @PostMapping("/endpoints/{endpointName}/invocations-response-stream")
    void invokeEndpointWithResponseStream(@PathVariable String endpointName, HttpServletRequest request,
            HttpServletResponse response) {
        this.invoker.stream(AwsService.SAGEMAKER, endpointName, request, response);
    }
}
