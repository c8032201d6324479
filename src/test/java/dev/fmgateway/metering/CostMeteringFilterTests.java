package dev.fmgateway.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.catalog.Price;
import dev.fmgateway.catalog.Pricing;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.support.TestModels;

/** The metering step prices each completion with the price of the deployment that served it. */
class CostMeteringFilterTests {

    private static Price price(String in, String out) {
        return new Price(new BigDecimal(in), new BigDecimal(out), null, List.of());
    }

    private static final Deployment REGIONAL = TestModels.bedrock("us-east-1");

    private static final Deployment PROFILE = new Deployment(Backend.BEDROCK, "us-east-1",
            "us.anthropic.claude-test-v1:0", PayloadFamily.ANTHROPIC_MESSAGES, 1, price("0.002", "0.010"));

    private final CatalogModel model = TestModels.model("m", List.of(REGIONAL, PROFILE),
            new Pricing(null, null, Map.of("us-east-1", price("0.001", "0.005"))));

    private final CostMeteringFilter filter = new CostMeteringFilter(catalogOf(this.model), new SimpleMeterRegistry());

    private static ModelCatalog catalogOf(CatalogModel model) {
        ModelCatalog catalog = mock(ModelCatalog.class);
        when(catalog.all()).thenReturn(List.of(model));
        return catalog;
    }

    private Completion<?> servedBy(Deployment deployment) {
        return this.filter.filter(TestModels.invocation(this.model, Duration.ofSeconds(5)),
                invocation -> new Completion<>(this.model, deployment,
                        new TextResult("ok", FinishReason.STOP, new Usage.Tokens(1000, 1000, false)), null));
    }

    @Test
    void aDeploymentWithItsOwnPriceIsChargedThatPrice() {
        assertThat(servedBy(PROFILE).cost().usd()).isEqualByComparingTo("0.012");
    }

    @Test
    void aDeploymentWithoutOneIsChargedTheModelsRegionalPrice() {
        assertThat(servedBy(REGIONAL).cost().usd()).isEqualByComparingTo("0.006");
    }
}
