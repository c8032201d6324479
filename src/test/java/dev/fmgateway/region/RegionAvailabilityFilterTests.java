package dev.fmgateway.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.Stage;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import dev.fmgateway.support.TestModels;

/** The routing step: the caller's pin chooses the candidates, best first; bad pins are 400 or 422. */
class RegionAvailabilityFilterTests {

    private static final Deployment EAST = TestModels.bedrock("us-east-1");

    private static final Deployment WEST = TestModels.bedrock("us-west-2");

    private static final Deployment FRANKFURT = TestModels.bedrock("eu-central-1");

    /** A cross-region profile, less preferred than the regional deployments. */
    private static final Deployment PROFILE = new Deployment(Backend.BEDROCK, "us-east-1",
            "us.anthropic.claude-test-v1:0", PayloadFamily.ANTHROPIC_MESSAGES, 1, null);

    /** Listed profile first and east before west, but west is the default region. */
    private static final CatalogModel MODEL = TestModels.withDefaultRegion(
            TestModels.model("m", List.of(PROFILE, EAST, WEST, FRANKFURT)), "us-west-2");

    private final RegionAvailabilityFilter filter = new RegionAvailabilityFilter();

    private final List<Invocation> passed = new ArrayList<>();

    private List<Deployment> candidatesFor(String pin) {
        this.filter.filter(TestModels.invocation(MODEL, Caller.anonymous(), pin), invocation -> {
            this.passed.add(invocation);
            return TestModels.completion(MODEL, EAST, new Usage.Tokens(1, 1, false));
        });
        assertThat(this.passed).hasSize(1);
        assertThat(this.passed.getFirst().deployment()).isNull();
        return this.passed.getFirst().candidates();
    }

    @Test
    void isTheRoutingStage() {
        assertThat(this.filter.stage()).isEqualTo(Stage.ROUTING);
    }

    @Test
    void withoutAPinEveryDeploymentByPriorityTheDefaultRegionFirstAmongEquals() {
        assertThat(candidatesFor(null)).containsExactly(WEST, EAST, FRANKFURT, PROFILE);
    }

    @Test
    void anExactRegionKeepsOnlyItsDeployments() {
        assertThat(candidatesFor("us-east-1")).containsExactly(EAST, PROFILE);
    }

    @Test
    void aPinIsTrimmed() {
        assertThat(candidatesFor("  eu-central-1 ")).containsExactly(FRANKFURT);
    }

    @Test
    void aGeographyKeepsEveryRegionInIt() {
        assertThat(candidatesFor("eu")).containsExactly(FRANKFURT);
        this.passed.clear();
        assertThat(candidatesFor("US")).containsExactly(WEST, EAST, PROFILE);
    }

    @Test
    void anUnknownRegionIs400() {
        assertThatThrownBy(() -> candidatesFor("mars-north-1")).isInstanceOfSatisfying(GatewayException.class, ex -> {
            assertThat(ex.code()).isEqualTo(ProblemCode.UNKNOWN_REGION);
            assertThat(ex.code().status()).isEqualTo(400);
            assertThat(ex.extensions()).containsEntry("region", "mars-north-1");
        });
        assertThat(this.passed).isEmpty();
    }

    @Test
    void aRegionTheModelIsNotOfferedInIs422WithTheRegionsItIs() {
        assertThatThrownBy(() -> candidatesFor("ap-northeast-1")).isInstanceOfSatisfying(GatewayException.class, ex -> {
            assertThat(ex.code()).isEqualTo(ProblemCode.REGION_NOT_AVAILABLE);
            assertThat(ex.code().status()).isEqualTo(422);
            assertThat(ex.extensions()).containsEntry("region", "ap-northeast-1")
                .containsEntry("availableRegions", MODEL.regions());
        });
        assertThat(this.passed).isEmpty();
    }
}
