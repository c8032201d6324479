package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;
import tools.jackson.databind.JsonNode;

class SageMakerTests {

    @AfterEach
    void clearFaults() {
        TestEmulator.SERVER.faults().clear();
    }

    static InvokeEndpointResponse invoke(String endpoint, String contentType, String body) {
        return TestEmulator.get(TestEmulator.SAGEMAKER.invokeEndpoint(r -> r.endpointName(endpoint).contentType(contentType)
                .accept("application/json").body(SdkBytes.fromUtf8String(body))));
    }

    static JsonNode json(InvokeEndpointResponse response) {
        return Json.MAPPER.readTree(response.body().asUtf8String());
    }

    static Throwable failure(String endpoint, String body) {
        return TestEmulator.failure(TestEmulator.SAGEMAKER.invokeEndpoint(r -> r.endpointName(endpoint)
                .contentType("application/json").body(SdkBytes.fromUtf8String(body))));
    }

    record Stream(List<byte[]> parts, AtomicReference<InvokeEndpointWithResponseStreamResponse> response,
            CompletableFuture<Void> done) {

        String text() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(out::writeBytes);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    static Stream stream(String endpoint, String accept, String body) {
        return stream(endpoint, accept, body, null);
    }

    static Stream stream(String endpoint, String accept, String body, String session) {
        List<byte[]> parts = new CopyOnWriteArrayList<>();
        AtomicReference<InvokeEndpointWithResponseStreamResponse> response = new AtomicReference<>();
        var handler = InvokeEndpointWithResponseStreamResponseHandler.builder()
                .onResponse(response::set)
                .subscriber(InvokeEndpointWithResponseStreamResponseHandler.Visitor.builder()
                        .onPayloadPart(part -> parts.add(part.bytes().asByteArray())).build())
                .build();
        var done = TestEmulator.SAGEMAKER.invokeEndpointWithResponseStream(r -> r.endpointName(endpoint)
                .contentType("application/json").accept(accept).sessionId(session).body(SdkBytes.fromUtf8String(body)),
                handler);
        return new Stream(parts, response, done);
    }

    @Test
    void tgiGeneratesWithDetailsAndRejectsBadParameters() {
        JsonNode body = json(invoke("emulator-tgi", "application/json", """
                {"inputs":"What is deep learning","parameters":{"max_new_tokens":3,"details":true,"temperature":0.7}}"""));

        assertThat(body.isArray()).isTrue();
        assertThat(body.at("/0/generated_text").asString()).isEqualTo("What is deep");
        assertThat(body.at("/0/details/finish_reason").asString()).isEqualTo("length");
        assertThat(body.at("/0/details/generated_tokens").asInt()).isEqualTo(3);

        Throwable error = failure("emulator-tgi", "{\"inputs\":\"x\",\"parameters\":{\"temperature\":0}}");
        assertThat(error).isInstanceOf(ModelErrorException.class);
        ModelErrorException modelError = (ModelErrorException) error;
        assertThat(modelError.statusCode()).isEqualTo(424);
        assertThat(modelError.originalStatusCode()).isEqualTo(422);
        assertThat(modelError.originalMessage()).contains("`temperature` must be strictly positive");
        assertThat(modelError.awsErrorDetails().errorMessage()).startsWith("Received client error (422) from primary");
        assertThat(modelError.logStreamArn()).contains("/aws/sagemaker/Endpoints/emulator-tgi");
    }

    @Test
    void tgiStreamsServerSentEventsWithALineSplitAcrossParts() {
        Stream stream = stream("emulator-tgi", "text/event-stream", """
                {"inputs":"Tell me about llamas","parameters":{"max_new_tokens":6},"stream":true}""");
        TestEmulator.get(stream.done());

        assertThat(stream.response().get().contentType()).isEqualTo("text/event-stream");
        assertThat(stream.parts()).anySatisfy(part -> assertThat(new String(part, StandardCharsets.UTF_8)).doesNotEndWith("\n\n"));
        List<JsonNode> events = Arrays.stream(stream.text().split("\n\n"))
                .map(line -> Json.MAPPER.readTree(line.substring("data:".length()))).toList();
        assertThat(events).hasSize(6);
        String tokens = events.stream().map(e -> e.at("/token/text").asString()).reduce("", String::concat);
        assertThat(tokens).isEqualTo("Tell me about llamas Tell me");
        JsonNode last = events.getLast();
        assertThat(last.get("generated_text").asString()).isEqualTo(tokens);
        assertThat(last.at("/details/generated_tokens").asInt()).isEqualTo(6);
        assertThat(last.at("/details/input_length").asInt()).isEqualTo(4);
        assertThat(events.getFirst().get("generated_text").isNull()).isTrue();
    }

    @Test
    void djlAnswersListsAndStreamsJsonLines() {
        JsonNode body = json(invoke("emulator-djl", "application/json", """
                {"inputs":["alpha beta","gamma"],"parameters":{"max_new_tokens":2,"do_sample":true}}"""));
        assertThat(body).hasSize(2);
        assertThat(body.at("/0/generated_text").asString()).isEqualTo("alpha beta");
        assertThat(body.at("/1/generated_text").asString()).isEqualTo("gamma gamma");

        Stream stream = stream("emulator-djl", "application/jsonlines", """
                {"inputs":"one two three","parameters":{"max_new_tokens":3}}""");
        TestEmulator.get(stream.done());
        assertThat(stream.response().get().contentType()).isEqualTo("application/jsonlines");
        List<String> pieces = new ArrayList<>();
        for (String line : stream.text().split("\n")) {
            pieces.add(Json.MAPPER.readTree(line).at("/outputs/0").asString());
        }
        assertThat(pieces).containsExactly("one", " two", " three");

        assertThat(failure("emulator-djl", "{\"inputs\":\"x\",\"parameters\":{\"max_tokens\":3}}"))
                .isInstanceOf(ModelErrorException.class).hasMessageContaining("unknown field [max_tokens]");
    }

    @Test
    void jumpStartTextAnswersJsonAndRawText() {
        JsonNode body = json(invoke("emulator-jumpstart-text", "application/json", """
                {"text_inputs":"My name is Lewis","max_length":6,"num_return_sequences":2,"num_beams":2}"""));
        assertThat(body.get("generated_texts")).hasSize(2);
        assertThat(body.at("/generated_texts/0").asString()).isEqualTo("My name is Lewis My name");
        assertThat(body.at("/generated_texts/1").asString()).isEqualTo("My name is Lewis name is");

        JsonNode raw = json(invoke("emulator-jumpstart-text", "application/x-text", "Once upon a time"));
        assertThat(raw.get("generated_text").asString()).startsWith("Once upon a time Once upon");

        assertThat(failure("emulator-jumpstart-text", "{\"text_inputs\":\"x\",\"num_beams\":1,\"num_return_sequences\":3}"))
                .isInstanceOf(ModelErrorException.class).hasMessageContaining("num_beams (1) must be greater than or equal");
    }

    @Test
    void alexaTmAnswersGeneratedTextsOnly() {
        JsonNode body = json(invoke("emulator-alexatm", "application/json", """
                {"text_inputs":"[CLM] My name is Lewis and I like to","num_beams":5,"no_repeat_ngram_size":2,"max_length":4}"""));

        assertThat(body.at("/generated_texts/0").asString()).isEqualTo("My name is Lewis");
        assertThat(failure("emulator-alexatm", "{\"text_inputs\":\"x\",\"no_repeat_ngram_size\":1}"))
                .isInstanceOf(ModelErrorException.class);
        assertThat(failure("emulator-alexatm", "{\"text_inputs\":\"x\",\"return_full_text\":true}"))
                .isInstanceOf(ModelErrorException.class).hasMessageContaining("unknown field");
    }

    @Test
    void unknownEndpointIsAValidationError() {
        Throwable error = failure("no-such-endpoint", "{}");

        assertThat(error).isInstanceOf(ValidationErrorException.class);
        assertThat(((ValidationErrorException) error).statusCode()).isEqualTo(400);
        assertThat(error).hasMessageContaining("Endpoint no-such-endpoint of account 123456789012 not found.");
        RecordedRequest recorded = TestEmulator.SERVER.requests().last().orElseThrow();
        assertThat(recorded.service()).isEqualTo("sagemaker");
        assertThat(recorded.region()).isEqualTo("us-west-2");
    }

    @Test
    void faultsSurfaceAsSageMakerExceptions() {
        Faults faults = TestEmulator.SERVER.faults();
        faults.add(FaultRule.of(FaultRule.Kind.MODEL_NOT_READY).forService("sagemaker").limit(1));
        faults.add(FaultRule.of(FaultRule.Kind.INTERNAL_ERROR).forTarget("emulator-tgi").limit(1));
        faults.add(FaultRule.of(FaultRule.Kind.SERVICE_UNAVAILABLE).forTarget("emulator-tgi").limit(1));
        faults.add(FaultRule.of(FaultRule.Kind.MODEL_ERROR).forTarget("emulator-tgi").originalStatusCode(503).limit(1));
        faults.add(FaultRule.of(FaultRule.Kind.THROTTLE).forTarget("emulator-tgi").limit(1));
        String body = "{\"inputs\":\"hi\"}";

        assertThat(failure("emulator-tgi", body)).isInstanceOf(ModelNotReadyException.class);
        assertThat(failure("emulator-tgi", body)).isInstanceOf(InternalFailureException.class);
        assertThat(failure("emulator-tgi", body)).isInstanceOf(ServiceUnavailableException.class);
        Throwable modelError = failure("emulator-tgi", body);
        assertThat(modelError).isInstanceOf(ModelErrorException.class);
        assertThat(((ModelErrorException) modelError).originalStatusCode()).isEqualTo(503);
        Throwable throttled = failure("emulator-tgi", body);
        assertThat(((SageMakerRuntimeException) throttled).awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(((SageMakerRuntimeException) throttled).isThrottlingException()).isTrue();
        assertThat(json(invoke("emulator-tgi", "application/json", body)).at("/0/generated_text").asString()).isNotEmpty();
    }

    @Test
    void streamErrorEndsTheStreamWithModelStreamError() {
        TestEmulator.SERVER.faults().add(FaultRule.of(FaultRule.Kind.STREAM_ERROR).forService("sagemaker").afterEvents(2));

        Stream stream = stream("emulator-tgi", "text/event-stream", "{\"inputs\":\"a b c d e\",\"stream\":true}");

        Throwable error = TestEmulator.failure(stream.done());
        assertThat(error).isInstanceOf(ModelStreamErrorException.class);
        assertThat(((ModelStreamErrorException) error).errorCode()).isEqualTo("StreamBroken");
        assertThat(stream.parts()).hasSize(2);
    }
}
