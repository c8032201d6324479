package dev.fmgateway.provider.bedrock;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.utils.IoUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own Converse JSON against the SDK's: the same request goes through the SDK's client (its marshaller
 * writes the body a capturing HTTP client keeps) and through {@link ConverseJson}; the same answer is read by the
 * SDK's unmarshaller and by {@link ConverseJson}. Both must agree member for member.
 */
class ConverseJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A Converse answer as the reference shows one: reasoning, text, a tool call, cache usage, metrics. */
    private static final String ANSWER = """
            {"output":{"message":{"role":"assistant","content":[
              {"reasoningContent":{"reasoningText":{"text":"The user wants weather.","signature":"c2lnbmF0dXJl"}}},
              {"text":"Let me check."},
              {"toolUse":{"toolUseId":"tooluse_1","name":"get_weather","input":{"city":"Hanoi","days":3,"metric":true,"hours":[1.5,2]}}}]}},
             "stopReason":"tool_use",
             "usage":{"inputTokens":12,"outputTokens":34,"totalTokens":46,"cacheReadInputTokens":1024,"cacheWriteInputTokens":0},
             "metrics":{"latencyMs":321},
             "additionalModelResponseFields":{"stop_sequence":null},
             "aNewMemberBedrockAddsLater":{"x":1}}""";

    @Test
    void writesWhatTheSdkWrites() {
        ConverseRequest request = richRequest();
        AtomicReference<byte[]> sent = new AtomicReference<>();
        try (BedrockRuntimeClient client = capturing(sent, ANSWER)) {
            client.converse(request);
        }
        JsonNode sdk = JSON.readTree(sent.get());
        JsonNode ours = JSON.readTree(JSON.writeValueAsBytes(ConverseJson.write(request))); // as sent
        assertThat(ours).isEqualTo(sdk);
        assertThat(ours.has("modelId")).as("the model id is in the path, not the body").isFalse();
        assertThat(ours.at("/messages/0/content/1/image/source/bytes").asString())
            .isEqualTo("iVBORw0KGgo=");
    }

    @Test
    void readsWhatTheSdkReads() {
        ConverseResponse sdk;
        try (BedrockRuntimeClient client = capturing(new AtomicReference<>(), ANSWER)) {
            sdk = client.converse(richRequest());
        }
        ConverseResponse ours = ConverseJson.read(JSON.readTree(ANSWER), ConverseResponse.builder());
        assertThat(ours.output()).isEqualTo(sdk.output());
        assertThat(ours.usage()).isEqualTo(sdk.usage());
        assertThat(ours.metrics()).isEqualTo(sdk.metrics());
        assertThat(ours.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(ours.additionalModelResponseFields()).isEqualTo(sdk.additionalModelResponseFields());
        ContentBlock call = ours.output().message().content().get(2);
        assertThat(call.type()).isEqualTo(ContentBlock.Type.TOOL_USE);
        assertThat(call.toolUse().input().asMap().get("days").asNumber().intValue()).isEqualTo(3);
        assertThat(ours.output().message().content().get(0).reasoningContent().reasoningText().signature())
            .isEqualTo("c2lnbmF0dXJl");
        assertThat(ours.usage().cacheReadInputTokens()).isEqualTo(1024);
    }

    private static ConverseRequest richRequest() {
        Document schema = Document.fromMap(Map.of("type", Document.fromString("object"), "properties",
                Document.fromMap(Map.of("city", Document.fromMap(Map.of("type", Document.fromString("string")))))));
        return ConverseRequest.builder()
            .modelId("anthropic.claude-3-haiku-20240307-v1:0")
            .system(SystemContentBlock.fromText("Be brief."),
                    SystemContentBlock.builder().cachePoint(CachePointBlock.builder().type("default").build()).build())
            .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Weather in Hanoi?"),
                    ContentBlock.fromImage(ImageBlock.builder().format("png")
                        .source(s -> s.bytes(SdkBytes.fromByteArray(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 })))
                        .build()))
                .build(),
                    Message.builder().role(ConversationRole.ASSISTANT).content(
                            ContentBlock.fromReasoningContent(ReasoningContentBlock.fromReasoningText(
                                    ReasoningTextBlock.builder().text("Need the tool.").signature("c2ln").build())),
                            ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId("t1").name("get_weather")
                                .input(Document.fromMap(Map.of("city", Document.fromString("Hanoi"), "days",
                                        Document.fromNumber(2), "ratio", Document.fromNumber("0.25"))))
                                .build()))
                        .build(),
                    Message.builder().role(ConversationRole.USER).content(ContentBlock.fromToolResult(
                            ToolResultBlock.builder().toolUseId("t1").status("success")
                                .content(ToolResultContentBlock.fromText("31°C, humid"),
                                        ToolResultContentBlock.fromJson(Document.fromList(List.of(Document.fromBoolean(true),
                                                Document.fromNull()))))
                                .build()))
                        .build())
            .inferenceConfig(c -> c.maxTokens(512).temperature(0.2f).topP(0.9f).stopSequences("END"))
            .toolConfig(ToolConfiguration.builder()
                .tools(Tool.fromToolSpec(ToolSpecification.builder().name("get_weather").description("Weather now")
                    .inputSchema(ToolInputSchema.fromJson(schema)).build()))
                .toolChoice(ToolChoice.builder().tool(t -> t.name("get_weather")).build())
                .build())
            .additionalModelRequestFields(Document.fromMap(Map.of("thinking", Document.fromMap(Map.of(
                    "type", Document.fromString("enabled"), "budget_tokens", Document.fromNumber(1024))))))
            .build();
    }

    /** A Bedrock Runtime client whose HTTP client keeps the request body and answers {@code answer}. */
    private static BedrockRuntimeClient capturing(AtomicReference<byte[]> sent, String answer) {
        SdkHttpClient http = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws java.io.IOException {
                        sent.set(IoUtils.toByteArray(request.contentStreamProvider().orElseThrow().newStream()));
                        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                        return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/json")
                                .putHeader("Content-Length", Integer.toString(body.length))
                                .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        return BedrockRuntimeClient.builder()
            .httpClient(http)
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "secret")))
            .build();
    }
}
