package dev.fmgateway.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
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
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.EmbeddingResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.UpstreamTimeoutException;
import dev.fmgateway.support.TestModels;
import dev.fmgateway.support.WebSliceTest;

/** {@code POST /v1/embeddings} and {@code /v1/embeddings/similarity} in a web slice, the fan-out mocked. */
@WebSliceTest(EmbeddingController.class)
class EmbeddingControllerTests {

    private static final Deployment WEST = TestModels.bedrock("us-west-2");

    private static final CatalogModel MODEL = TestModels.model("embed", List.of(WEST));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelCatalog catalog;

    @MockitoBean
    private Embedder embedder;

    @BeforeEach
    void catalogKnowsTheModel() {
        when(this.catalog.require(eq("embed"), any())).thenReturn(MODEL);
    }

    private static Embedder.Embeddings embeddings(long tokens, String usd, float[]... vectors) {
        Completion<EmbeddingResult> first = new Completion<>(MODEL, WEST,
                new EmbeddingResult(vectors[0], new Usage.Tokens(tokens, 0, false)), null);
        return new Embedder.Embeddings(List.of(vectors), new Usage.Tokens(tokens, 0, false),
                new Cost(new BigDecimal(usd), false), first);
    }

    @Test
    void embedsEachInputInOrderWithUsageCostAndHeaders() throws Exception {
        when(this.embedder.embed(eq(MODEL), anyList(), any(CallContext.class)))
            .thenReturn(embeddings(9, "0.00018", new float[] { 1, 0 }, new float[] { 0, 1 }));

        this.mvc.perform(post("/v1/embeddings").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "embed", "input": ["red apples", "green pears"], "dimensions": 256}"""))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Gateway-Model", "embed"))
            .andExpect(header().string("X-Gateway-Region", "us-west-2"))
            .andExpect(header().string("X-Gateway-Cost-USD", "0.00018"))
            .andExpect(header().string("X-Gateway-Input-Tokens", "9"))
            .andExpect(header().string("X-Gateway-Output-Tokens", "0"))
            .andExpect(jsonPath("$.model").value("embed"))
            .andExpect(jsonPath("$.region").value("us-west-2"))
            .andExpect(jsonPath("$.data[*].index").value(contains(0, 1)))
            .andExpect(jsonPath("$.data[1].embedding").value(contains(0.0, 1.0)))
            .andExpect(jsonPath("$.usage.inputTokens").value(9))
            .andExpect(jsonPath("$.cost.usd").value(0.00018));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<EmbeddingInput>> inputs = ArgumentCaptor.forClass(List.class);
        verify(this.embedder).embed(eq(MODEL), inputs.capture(), any(CallContext.class));
        assertThat(inputs.getValue()).extracting(EmbeddingInput::text).containsExactly("red apples", "green pears");
        assertThat(inputs.getValue()).extracting(EmbeddingInput::dimensions).containsOnly(256);
    }

    @Test
    void aSingleStringIsOneInput() throws Exception {
        when(this.embedder.embed(eq(MODEL), anyList(), any(CallContext.class)))
            .thenReturn(embeddings(2, "0.00004", new float[] { 1, 0 }));

        this.mvc.perform(post("/v1/embeddings").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "embed", "input": "red apples"}"""))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.data.length()").value(1));
    }

    @Test
    void rankCandidatesByCosineSimilarityBestFirst() throws Exception {
        // query, then the candidates in request order
        when(this.embedder.embed(eq(MODEL), anyList(), any(CallContext.class))).thenReturn(embeddings(6, "0.00012",
                new float[] { 1, 0 }, new float[] { 0, 1 }, new float[] { 1, 0 }, new float[] { 1, 1 }));

        this.mvc.perform(post("/v1/embeddings/similarity").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "embed", "query": "fruit", "candidates": ["cars", "apples", "pears"], "topK": 2}"""))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.results[*].text").value(contains("apples", "pears")))
            .andExpect(jsonPath("$.results[*].index").value(contains(1, 2)))
            .andExpect(jsonPath("$.results[0].score").value(1.0));
    }

    @Test
    void anInvalidBodyIs400WithFieldErrorsAndNoCall() throws Exception {
        this.mvc.perform(post("/v1/embeddings/similarity").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "embed", "query": "", "candidates": [], "topK": 0}"""))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
            .andExpect(jsonPath("$.fieldErrors[*].field").value(
                    org.hamcrest.Matchers.containsInAnyOrder("query", "candidates", "topK")));

        verifyNoInteractions(this.embedder);
    }

    @Test
    void noInputIs400NamingTheField() throws Exception {
        this.mvc.perform(post("/v1/embeddings").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "embed", "input": []}"""))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.fieldErrors[0].field").value("input"));

        verifyNoInteractions(this.embedder);
    }

    @Test
    void aTimeoutFromTheFanOutIs504() throws Exception {
        when(this.embedder.embed(eq(MODEL), anyList(), any(CallContext.class)))
            .thenThrow(UpstreamTimeoutException.deadline("embed", "the request's deadline passed"));

        this.mvc.perform(post("/v1/embeddings").contentType(MediaType.APPLICATION_JSON).content("""
                {"model": "embed", "input": "red apples"}"""))
            .andExpect(status().isGatewayTimeout())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.code").value("UPSTREAM_TIMEOUT"));
    }
}
