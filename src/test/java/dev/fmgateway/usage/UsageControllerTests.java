package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.support.WebSliceTest;

/**
 * {@code GET /v1/usage} and {@code /v1/usage/endpoints} in a web slice with real API keys (one plain, one admin)
 * and the repository mocked: the window and grouping it is asked for, who may see what, and 400s.
 */
@WebSliceTest(UsageController.class)
@Import(UsageControllerTests.Beans.class)
@TestPropertySource(properties = { "gateway.security.keys[0].name=reader", "gateway.security.keys[0].team=analytics",
        "gateway.security.keys[0].sha256=c46e8166327df855f9819cdad5fbfff0c9f7022cae9e4e2c12aa79673dc64625",
        "gateway.security.keys[1].name=finops", "gateway.security.keys[1].admin=true",
        "gateway.security.keys[1].sha256=7df46d927653e081a3d395071babe98fdb1bedae5f44726fcaa8964771fda763" })
class UsageControllerTests {

    private static final String READER = "slice-test-key-0123456789abcdefghijklmnop";

    private static final String ADMIN = "slice-admin-key-0123456789abcdefghijklmnop";

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EndpointCostProperties.class)
    static class Beans {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelCatalog catalog;

    @MockitoBean
    private UsageRepository repository;

    @MockitoBean
    private EndpointActivity activity;

    private static UsageGroup group(String model, String region, long requests, String usd) {
        return new UsageGroup(model, null, region, null, requests, 1, 100 * requests, 10 * requests, 0, 0, 0, 0,
                new BigDecimal(usd));
    }

    @Test
    void anAdminGetsEveryKeysUsageForTheWindowAndGroupingItAsked() throws Exception {
        when(this.repository.aggregate(any())).thenReturn(
                List.of(group("a", "us-east-1", 2, "0.0000002"), group("b", "eu-central-1", 3, "0.0010")));

        this.mvc.perform(get("/v1/usage").header("X-Api-Key", ADMIN)
            .param("from", "2026-11-01")
            .param("to", "2026-11-02")
            .param("groupBy", "model,region"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.from").value("2026-11-01T00:00:00Z"))
            .andExpect(jsonPath("$.to").value("2026-11-03T00:00:00Z"))
            .andExpect(jsonPath("$.groupBy").value(contains("model", "region")))
            .andExpect(jsonPath("$.apiKey").doesNotExist())
            .andExpect(jsonPath("$.groups[*].model").value(contains("a", "b")))
            .andExpect(jsonPath("$.total.requests").value(5))
            .andExpect(jsonPath("$.total.failedRequests").value(2))
            .andExpect(jsonPath("$.total.inputTokens").value(500))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("\"costUsd\":0.0000002")));

        ArgumentCaptor<UsageQuery> query = ArgumentCaptor.forClass(UsageQuery.class);
        verify(this.repository).aggregate(query.capture());
        assertThat(query.getValue()).isEqualTo(new UsageQuery(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z"), List.of(UsageDimension.MODEL, UsageDimension.REGION), null));
    }

    @Test
    void aPlainKeySeesOnlyItsOwnUsageOfTheLastDayByModel() throws Exception {
        when(this.repository.aggregate(any())).thenReturn(List.of());

        this.mvc.perform(get("/v1/usage").header("Authorization", "Bearer " + READER))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.apiKey").value("reader"))
            .andExpect(jsonPath("$.total.requests").value(0));

        ArgumentCaptor<UsageQuery> query = ArgumentCaptor.forClass(UsageQuery.class);
        verify(this.repository).aggregate(query.capture());
        assertThat(query.getValue()).isEqualTo(new UsageQuery(NOW.minus(UsageWindow.DEFAULT), NOW,
                List.of(UsageDimension.MODEL), "reader"));
    }

    @Test
    void aPlainKeyAskingForAnotherKeysUsageIs403() throws Exception {
        this.mvc.perform(get("/v1/usage").header("X-Api-Key", READER).param("apiKey", "finops"))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.code").value("ADMIN_REQUIRED"));

        this.mvc.perform(get("/v1/usage/endpoints").header("X-Api-Key", READER))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.code").value("ADMIN_REQUIRED"));

        verifyNoInteractions(this.repository);
    }

    @Test
    void withoutAKeyIs401() throws Exception {
        this.mvc.perform(get("/v1/usage"))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));

        verifyNoInteractions(this.repository);
    }

    @Test
    void anUnknownGroupingOrABadDateIs400NamingTheParameter() throws Exception {
        this.mvc.perform(get("/v1/usage").header("X-Api-Key", ADMIN).param("groupBy", "colour"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
            .andExpect(jsonPath("$.parameter").value("groupBy"))
            .andExpect(jsonPath("$.allowedValues").value(contains("model", "apiKey", "region", "day")));

        this.mvc.perform(get("/v1/usage").header("X-Api-Key", ADMIN).param("from", "yesterday"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.parameter").value("from"));

        verifyNoInteractions(this.repository);
    }
}
