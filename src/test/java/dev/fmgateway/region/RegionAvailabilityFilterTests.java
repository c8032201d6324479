package dev.fmgateway.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.NativeCall;
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

    /**
     * A native body (the caller's own, forwarded unchanged) may only go to deployments of its backend and payload
     * family, so failover among the candidates can never switch the body's format; the pin still applies.
     */
    @Test
    void aNativeBodyOnlyGoesToDeploymentsOfItsBackendAndFamily() {
        Deployment llamaFamily = new Deployment(Backend.BEDROCK, "us-west-2", "meta.llama-test-v1:0",
                PayloadFamily.META_LLAMA3, 0, null);
        Deployment sageMaker = new Deployment(Backend.SAGEMAKER, "us-east-1", "claude-like-endpoint",
                PayloadFamily.HF_TGI, 0, null);
        CatalogModel model = TestModels.model("mixed", List.of(EAST, llamaFamily, sageMaker, FRANKFURT));
        NativeCall call = new NativeCall("{}".getBytes(), "application/json", "application/json", Backend.BEDROCK,
                PayloadFamily.ANTHROPIC_MESSAGES, java.util.Map.of(), null);
        Invocation invocation = new Invocation(model, call,
                new CallContext("req-1", "us", Caller.anonymous(), null), Deadline.in(Duration.ofSeconds(5)),
                model.deployments(), null);

        this.filter.filter(invocation, routed -> {
            this.passed.add(routed);
            return TestModels.completion(model, EAST, new Usage.Tokens(1, 1, false));
        });

        assertThat(this.passed.getFirst().candidates()).containsExactly(EAST);
    }

    /**
     * A Converse body does not depend on the family, so any Converse-served family on Bedrock may take it (failover
     * may switch family), but never an InvokeModel-only family such as Jurassic-2, nor SageMaker; the pin applies.
     */
    @Test
    void aConverseBodyGoesToEveryConverseFamilyOnBedrockWithinThePin() {
        Deployment llamaFamily = new Deployment(Backend.BEDROCK, "us-west-2", "meta.llama-test-v1:0",
                PayloadFamily.META_LLAMA3, 0, null);
        Deployment jurassic = new Deployment(Backend.BEDROCK, "us-east-1", "ai21.j2-test-v1",
                PayloadFamily.AI21_JURASSIC2, 0, null);
        Deployment sageMaker = new Deployment(Backend.SAGEMAKER, "us-east-1", "claude-like-endpoint",
                PayloadFamily.HF_TGI, 0, null);
        CatalogModel model = TestModels.model("mixed", List.of(EAST, llamaFamily, jurassic, sageMaker, FRANKFURT));
        NativeCall call = new NativeCall("{}".getBytes(), "application/json", "application/json", Backend.BEDROCK,
                PayloadFamily.ANTHROPIC_MESSAGES, java.util.Map.of(), null, true);
        Invocation invocation = new Invocation(model, call,
                new CallContext("req-1", "us", Caller.anonymous(), null), Deadline.in(Duration.ofSeconds(5)),
                model.deployments(), null);

        this.filter.filter(invocation, routed -> {
            this.passed.add(routed);
            return TestModels.completion(model, EAST, new Usage.Tokens(1, 1, false));
        });

        assertThat(this.passed.getFirst().candidates()).containsExactlyInAnyOrder(EAST, llamaFamily);
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
