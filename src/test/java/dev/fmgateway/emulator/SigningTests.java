package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;

class SigningTests {

    private static final String CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String BODY = """
            {"anthropic_version":"bedrock-2023-05-31","max_tokens":50,"messages":[{"role":"user","content":"Hello there"}]}""";

    @Test
    void acceptsSdkSignedRequestForModelIdWithColon() {
        var response = TestEmulator.invoke(CLAUDE, BODY);

        assertThat(response.sdkHttpResponse().statusCode()).isEqualTo(200);
        RecordedRequest recorded = TestEmulator.SERVER.requests().last().orElseThrow();
        assertThat(recorded.rawPath()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke");
        assertThat(recorded.service()).isEqualTo("bedrock");
        assertThat(recorded.region()).isEqualTo("us-east-1");
        assertThat(recorded.header("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIAFMGATEWAYEMULATOR/");
    }

    @Test
    void acceptsInferenceProfileIdAndArnsFromAnotherRegion() {
        BedrockRuntimeAsyncClient eu = TestEmulator.bedrock(EmulatorSettings.DEFAULT_ACCESS_KEY_ID,
                EmulatorSettings.DEFAULT_SECRET_KEY, Region.EU_CENTRAL_1);
        for (String id : new String[] { "us.anthropic.claude-3-haiku-20240307-v1:0",
                "arn:aws:bedrock:eu-central-1:123456789012:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0",
                "arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0" }) {
            var response = TestEmulator.get(eu.invokeModel(r -> r.modelId(id).body(SdkBytes.fromUtf8String(BODY))));
            assertThat(response.sdkHttpResponse().statusCode()).as(id).isEqualTo(200);
            assertThat(TestEmulator.SERVER.requests().last().orElseThrow().region()).isEqualTo("eu-central-1");
        }
    }

    @Test
    void rejectsWrongSecretWithInvalidSignature() {
        BedrockRuntimeAsyncClient client = TestEmulator.bedrock(EmulatorSettings.DEFAULT_ACCESS_KEY_ID, "wrong-secret",
                Region.US_EAST_1);

        Throwable error = TestEmulator.failure(client.invokeModel(r -> r.modelId(CLAUDE).body(SdkBytes.fromUtf8String(BODY))));

        assertThat(error).isInstanceOf(BedrockRuntimeException.class);
        var aws = (BedrockRuntimeException) error;
        assertThat(aws.statusCode()).isEqualTo(403);
        assertThat(aws.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(aws.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match")
                .contains("/model/anthropic.claude-3-haiku-20240307-v1%253A0/invoke");
    }

    @Test
    void rejectsUnknownAccessKeyAsUnrecognizedClient() {
        BedrockRuntimeAsyncClient client = TestEmulator.bedrock("AKIAUNKNOWN000000000", EmulatorSettings.DEFAULT_SECRET_KEY,
                Region.US_EAST_1);

        var aws = (BedrockRuntimeException) TestEmulator.failure(
                client.invokeModel(r -> r.modelId(CLAUDE).body(SdkBytes.fromUtf8String(BODY))));

        assertThat(aws.statusCode()).isEqualTo(403);
        assertThat(aws.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        assertThat(aws.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void acceptsRequestSignedBySdkSignerAndRejectsTamperedBody() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String path = "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke";
        SdkHttpRequest signed = RawRequests.sign(path, body, "bedrock", Clock.systemUTC());

        assertThat(RawRequests.send(signed, body).statusCode()).isEqualTo(200);

        HttpResponse<String> tampered = RawRequests.send(signed, BODY.replace("50", "60").getBytes(StandardCharsets.UTF_8));
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.headers().firstValue("x-amzn-ErrorType")).hasValue(
                "InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.bedrock/");
        assertThat(tampered.body()).contains("\"message\":\"The request signature we calculated does not match");
    }

    @Test
    void rejectsExpiredSignature() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), ZoneOffset.UTC);

        HttpResponse<String> response = RawRequests.send(
                RawRequests.sign("/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke", body, "bedrock", past), body);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType").orElseThrow()).startsWith("InvalidSignatureException:");
        assertThat(response.body()).contains("Signature expired");
    }

    @Test
    void rejectsScopeOfTheWrongService() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = RawRequests.send(
                RawRequests.sign("/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke", body, "sagemaker", Clock.systemUTC()),
                body);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Credential should be scoped to correct service: 'bedrock'");
    }

    @Test
    void rejectsMissingAuthentication() {
        HttpResponse<String> response = RawRequests.unsigned("POST", "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke", BODY);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType").orElseThrow())
                .startsWith("MissingAuthenticationTokenException:");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void verifierMatchesTheSdkSignerOnDoubleEncodedPaths() {
        assertThat(SigV4Verifier.canonicalUri("/model/us.anthropic.claude-v2%3A1/invoke"))
                .isEqualTo("/model/us.anthropic.claude-v2%253A1/invoke");
        assertThat(SigV4Verifier.canonicalUri("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A%3Afoundation-model%2Fx/invoke"))
                .isEqualTo("/model/arn%253Aaws%253Abedrock%253Aus-east-1%253A%253Afoundation-model%252Fx/invoke");
    }
}
