package dev.fmgateway.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.UpstreamThrottledException;
import dev.fmgateway.support.TestModels;
import dev.fmgateway.support.WebSliceTest;

/**
 * {@code POST /openai/v1/chat/completions} in a web slice with the real translation ({@link OpenAiTexts}) and the
 * catalog and invoker mocked: OpenAI's request and answer shapes, and OpenAI's error shape for every failure.
 */
@WebSliceTest(ChatCompletionsController.class)
@Import({ OpenAiTexts.class, ImageUrls.class })
class ChatCompletionsControllerTests {

    private static final Deployment EAST = TestModels.bedrock("us-east-1");

    private static final CatalogModel MODEL = TestModels.model("m", List.of(EAST));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelCatalog catalog;

    @MockitoBean
    private ModelInvoker invoker;

    @MockitoBean
    private OpenAiStreamer streamer;

    @BeforeEach
    void catalogKnowsTheModel() {
        when(this.catalog.require(eq("m"), any())).thenReturn(MODEL);
        when(this.invoker.deadline(eq(MODEL), any(CallContext.class))).thenReturn(Deadline.in(Duration.ofSeconds(5)));
    }

    @Test
    void answersInOpenAisShapeWithOneCallPerChoiceAndSummedHeaders() throws Exception {
        when(this.invoker.invoke(eq(MODEL), any(TextPrompt.class), any(CallContext.class), any(Deadline.class)))
            .thenReturn(TestModels.completion(MODEL, EAST, new Usage.Tokens(10, 4, false))
                .withCost(new Cost(new BigDecimal("0.0015"), false)));

        MvcResult result = this.mvc.perform(post("/openai/v1/chat/completions").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "m", "n": 2, "max_tokens": 50,
                 "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]}"""))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Gateway-Model", "m"))
            .andExpect(header().string("X-Gateway-Region", "us-east-1"))
            .andExpect(header().string("X-Gateway-Input-Tokens", "20"))
            .andExpect(header().string("X-Gateway-Output-Tokens", "8"))
            .andExpect(jsonPath("$.id").value(startsWith("chatcmpl-")))
            .andExpect(jsonPath("$.object").value("chat.completion"))
            .andExpect(jsonPath("$.model").value("m"))
            .andExpect(jsonPath("$.choices.length()").value(2))
            .andExpect(jsonPath("$.choices[1].index").value(1))
            .andExpect(jsonPath("$.choices[0].message.role").value("assistant"))
            .andExpect(jsonPath("$.choices[0].message.content").value("ok"))
            .andExpect(jsonPath("$.choices[0].finish_reason").value("stop"))
            .andExpect(jsonPath("$.usage.prompt_tokens").value(20))
            .andExpect(jsonPath("$.usage.completion_tokens").value(8))
            .andExpect(jsonPath("$.usage.total_tokens").value(28))
            .andReturn();

        assertThat(new BigDecimal(result.getResponse().getHeader("X-Gateway-Cost-USD"))).isEqualByComparingTo("0.003");

        ArgumentCaptor<TextPrompt> prompt = ArgumentCaptor.forClass(TextPrompt.class);
        verify(this.invoker, times(2)).invoke(eq(MODEL), prompt.capture(), any(CallContext.class), any(Deadline.class));
        assertThat(prompt.getValue().system()).isEqualTo("Be brief.");
        assertThat(prompt.getValue().messages()).containsExactly(new ChatMessage(ChatMessage.Role.USER, "Hi"));
        assertThat(prompt.getValue().maxTokens()).isEqualTo(50);
    }

    @Test
    void aRequestWithoutMessagesIsAnOpenAiInvalidRequestError() throws Exception {
        this.mvc.perform(post("/openai/v1/chat/completions").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "m", "messages": []}"""))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.error.type").value("invalid_request_error"))
            .andExpect(jsonPath("$.error.code").value("invalid_request"))
            .andExpect(jsonPath("$.error.param").value("messages"));

        verifyNoInteractions(this.invoker);
    }

    @Test
    void anOverlongBodyFieldNamesItsParameter() throws Exception {
        this.mvc.perform(post("/openai/v1/chat/completions").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "m", "region": "%s", "messages": [{"role": "user", "content": "Hi"}]}"""
            .formatted("r".repeat(33))))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error.type").value("invalid_request_error"))
            .andExpect(jsonPath("$.error.param").value("region"));

        verifyNoInteractions(this.invoker);
    }

    @Test
    void upstreamThrottlingIsAnOpenAiRateLimitErrorWithRetryAfter() throws Exception {
        when(this.invoker.invoke(eq(MODEL), any(TextPrompt.class), any(CallContext.class), any(Deadline.class)))
            .thenThrow(new UpstreamThrottledException("m", 3, true));

        this.mvc.perform(post("/openai/v1/chat/completions").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "m", "messages": [{"role": "user", "content": "Hi"}]}"""))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().string("Retry-After", "3"))
            .andExpect(jsonPath("$.error.type").value("rate_limit_error"))
            .andExpect(jsonPath("$.error.code").value("upstream_throttled"))
            .andExpect(jsonPath("$.error.param").value(nullValue()));
    }
}
