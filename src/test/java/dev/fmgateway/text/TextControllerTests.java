package dev.fmgateway.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.UpstreamThrottledException;
import dev.fmgateway.support.TestModels;
import dev.fmgateway.support.WebSliceTest;

/** {@code POST /v1/text/generations} in a web slice: validation, the answer's shape and headers, problems. */
@WebSliceTest(TextController.class)
class TextControllerTests {

    private static final Deployment FRANKFURT = TestModels.bedrock("eu-central-1");

    private static final CatalogModel MODEL = TestModels.model("m", List.of(FRANKFURT));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelCatalog catalog;

    @MockitoBean
    private ModelInvoker invoker;

    @MockitoBean
    private TextStreamer streamer;

    @BeforeEach
    void catalogKnowsTheModel() {
        when(this.catalog.require(eq("m"), any())).thenReturn(MODEL);
    }

    @Test
    void answersWithTheTextItsUsageCostAndGatewayHeaders() throws Exception {
        when(this.invoker.invoke(eq(MODEL), any(TextPrompt.class), any(CallContext.class)))
            .thenReturn(TestModels.completion(MODEL, FRANKFURT, new Usage.Tokens(12, 3, false))
                .withCost(new Cost(new BigDecimal("0.0000002"), false)));

        this.mvc.perform(post("/v1/text/generations").contentType(MediaType.APPLICATION_JSON)
            .header("X-Gateway-Region", "eu")
            .header("X-Request-Id", "req-abc")
            .content("""
                    {"model": "m", "prompt": "hello", "maxTokens": 7}"""))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(header().string("X-Request-Id", "req-abc"))
            .andExpect(header().string("X-Gateway-Model", "m"))
            .andExpect(header().string("X-Gateway-Region", "eu-central-1"))
            .andExpect(header().string("X-Gateway-Cost-USD", "0.0000002"))
            .andExpect(header().string("X-Gateway-Input-Tokens", "12"))
            .andExpect(header().string("X-Gateway-Output-Tokens", "3"))
            .andExpect(jsonPath("$.id").value(containsString("gen-")))
            .andExpect(jsonPath("$.model").value("m"))
            .andExpect(jsonPath("$.backend").value("BEDROCK"))
            .andExpect(jsonPath("$.region").value("eu-central-1"))
            .andExpect(jsonPath("$.upstreamId").value(FRANKFURT.upstreamId()))
            .andExpect(jsonPath("$.output").value("ok"))
            .andExpect(jsonPath("$.finishReason").value("stop"))
            .andExpect(jsonPath("$.usage.inputTokens").value(12))
            .andExpect(jsonPath("$.usage.outputTokens").value(3))
            .andExpect(jsonPath("$.cost.estimated").value(false))
            // Money is written plainly, never as 2E-7.
            .andExpect(content().string(containsString("\"usd\":0.0000002")));

        ArgumentCaptor<TextPrompt> prompt = ArgumentCaptor.forClass(TextPrompt.class);
        ArgumentCaptor<CallContext> context = ArgumentCaptor.forClass(CallContext.class);
        verify(this.invoker).invoke(eq(MODEL), prompt.capture(), context.capture());
        assertThat(prompt.getValue().prompt()).isEqualTo("hello");
        assertThat(prompt.getValue().maxTokens()).isEqualTo(7);
        assertThat(context.getValue().region()).isEqualTo("eu");
        assertThat(context.getValue().requestId()).isEqualTo("req-abc");
        assertThat(context.getValue().caller()).isEqualTo(Caller.anonymous());
    }

    @Test
    void anInvalidBodyIs400WithFieldErrorsAndNoCall() throws Exception {
        this.mvc.perform(post("/v1/text/generations").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "", "maxTokens": 0}"""))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
            .andExpect(jsonPath("$.fieldErrors[*].field").value(hasItems("model", "maxTokens", "prompt")));

        verifyNoInteractions(this.invoker);
    }

    @Test
    void anUpstreamProblemFromTheInvokerIsRenderedAsAProblemWithItsHeaders() throws Exception {
        when(this.invoker.invoke(eq(MODEL), any(TextPrompt.class), any(CallContext.class)))
            .thenThrow(new UpstreamThrottledException("m", 7, true));

        this.mvc.perform(post("/v1/text/generations").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "m", "prompt": "hello"}"""))
            .andExpect(status().isTooManyRequests())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(header().string("Retry-After", "7"))
            .andExpect(jsonPath("$.code").value("UPSTREAM_THROTTLED"))
            .andExpect(jsonPath("$.status").value(429))
            .andExpect(jsonPath("$.retryAfterSeconds").value(7))
            .andExpect(jsonPath("$.instance").value("/v1/text/generations"))
            .andExpect(jsonPath("$.requestId").isNotEmpty());
    }
}
