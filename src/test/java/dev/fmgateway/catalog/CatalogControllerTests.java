package dev.fmgateway.catalog;

import static org.hamcrest.Matchers.contains;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.fmgateway.support.TestModels;
import dev.fmgateway.support.WebSliceTest;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}} in a web slice. */
@WebSliceTest(CatalogController.class)
class CatalogControllerTests {

    private static final CatalogModel US = TestModels.model("us-model", List.of(TestModels.bedrock("us-east-1")));

    private static final CatalogModel EU = TestModels.model("eu-model",
            List.of(TestModels.bedrock("eu-central-1"), TestModels.bedrock("us-west-2")));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelCatalog catalog;

    @Test
    void listsTheModelsThatMatchEveryFilter() throws Exception {
        when(this.catalog.all()).thenReturn(List.of(US, EU));

        this.mvc.perform(get("/v1/models").param("region", "eu-central-1").param("capability", "TEXT_GENERATION"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.count").value(1))
            .andExpect(jsonPath("$.models[*].id").value(contains("eu-model")))
            .andExpect(jsonPath("$.models[0].regions").value(contains("eu-central-1", "us-west-2")))
            .andExpect(jsonPath("$.models[0].lifecycle.status").value("ACTIVE"));

        this.mvc.perform(get("/v1/models").param("capability", "EMBEDDING"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.count").value(0));
    }

    @Test
    void getsOneModelById() throws Exception {
        when(this.catalog.require("us-model")).thenReturn(US);

        this.mvc.perform(get("/v1/models/us-model"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value("us-model"))
            .andExpect(jsonPath("$.backend").value("BEDROCK"))
            .andExpect(jsonPath("$.defaultRegion").value("us-east-1"));
    }

    @Test
    void anUnknownModelIs404WithCloseMatches() throws Exception {
        when(this.catalog.require("us-modle")).thenThrow(new UnknownModelException("us-modle", List.of("us-model")));

        this.mvc.perform(get("/v1/models/us-modle"))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.code").value("MODEL_NOT_FOUND"))
            .andExpect(jsonPath("$.closeMatches").value(contains("us-model")))
            .andExpect(jsonPath("$.instance").value("/v1/models/us-modle"))
            .andExpect(header().exists("X-Request-Id"));
    }

    @Test
    void anOverlongQueryParameterIs400WithFieldErrors() throws Exception {
        this.mvc.perform(get("/v1/models").param("region", "r".repeat(33)))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
            .andExpect(jsonPath("$.fieldErrors[0].field").value("region"));

        verifyNoInteractions(this.catalog);
    }

    @Test
    void anUnknownCapabilityIs400() throws Exception {
        this.mvc.perform(get("/v1/models").param("capability", "TELEPATHY"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
    }
}
