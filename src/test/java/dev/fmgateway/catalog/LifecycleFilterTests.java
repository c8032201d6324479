package dev.fmgateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fmgateway.GatewayMode;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.Stage;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import dev.fmgateway.support.TestModels;

/** The lifecycle step: RETIRED models are 410 naming their successor, unless retired models are served. */
class LifecycleFilterTests {

    private static final CatalogModel ACTIVE = TestModels.model("old", List.of(TestModels.bedrock("us-east-1")));

    private static final CatalogModel RETIRED = TestModels.withLifecycle(ACTIVE,
            new Lifecycle(LifecycleStatus.RETIRED, null, LocalDate.of(2026, 5, 31), "new", false));

    private static final CatalogModel LEGACY = TestModels.withLifecycle(ACTIVE,
            new Lifecycle(LifecycleStatus.LEGACY, LocalDate.of(2025, 1, 1), null, "new", false));

    private final List<Invocation> passed = new ArrayList<>();

    private void call(LifecycleFilter filter, CatalogModel model) {
        filter.filter(TestModels.invocation(model, Caller.anonymous(), null), invocation -> {
            this.passed.add(invocation);
            return TestModels.completion(model, model.deployments().getFirst(), new Usage.Tokens(1, 1, false));
        });
    }

    private static LifecycleFilter filter(Boolean serveRetired, GatewayMode mode) {
        return new LifecycleFilter(new LifecycleProperties(serveRetired), mode);
    }

    @Test
    void isTheLifecycleStage() {
        assertThat(filter(null, GatewayMode.AWS).stage()).isEqualTo(Stage.LIFECYCLE);
    }

    @Test
    void passesActiveAndLegacyModels() {
        LifecycleFilter filter = filter(null, GatewayMode.AWS);

        call(filter, ACTIVE);
        call(filter, LEGACY);

        assertThat(this.passed).hasSize(2);
    }

    @Test
    void refusesARetiredModelOnAwsNamingTheSuccessorAndSunset() {
        assertThatThrownBy(() -> call(filter(null, GatewayMode.AWS), RETIRED))
            .isInstanceOfSatisfying(ModelRetiredException.class, ex -> {
                assertThat(ex.code()).isEqualTo(ProblemCode.MODEL_RETIRED);
                assertThat(ex.code().status()).isEqualTo(410);
                assertThat(ex.detail()).contains("'old'").contains("use 'new' instead");
                assertThat(ex.extensions()).containsEntry("model", "old")
                    .containsEntry("successor", "new")
                    .containsEntry("sunsetDate", "2026-05-31");
                assertThat(ex.model()).isSameAs(RETIRED);
            });
        assertThat(this.passed).isEmpty();
    }

    @Test
    void theEmulatorServesRetiredModelsByDefault() {
        call(filter(null, GatewayMode.EMULATOR), RETIRED);

        assertThat(this.passed).hasSize(1);
    }

    @Test
    void theSettingWinsOverTheMode() {
        call(filter(true, GatewayMode.AWS), RETIRED);
        assertThat(this.passed).hasSize(1);

        assertThatThrownBy(() -> call(filter(false, GatewayMode.EMULATOR), RETIRED))
            .isInstanceOfSatisfying(GatewayException.class,
                    ex -> assertThat(ex.code()).isEqualTo(ProblemCode.MODEL_RETIRED));
        assertThat(this.passed).hasSize(1);
    }

    @Test
    void aModelMarkedServeRetiredIsServedAnyway() {
        CatalogModel privateDeployment = TestModels.withLifecycle(ACTIVE,
                new Lifecycle(LifecycleStatus.RETIRED, null, null, null, true));

        call(filter(false, GatewayMode.AWS), privateDeployment);

        assertThat(this.passed).hasSize(1);
    }
}
