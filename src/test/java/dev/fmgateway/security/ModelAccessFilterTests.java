package dev.fmgateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.Stage;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import dev.fmgateway.support.TestModels;

/** The access step: a model outside the caller's allow-list is 403 before anything is routed. */
class ModelAccessFilterTests {

    private final CatalogModel model = TestModels.model("m", List.of(TestModels.bedrock("us-east-1")));

    private final ModelAccessFilter filter = new ModelAccessFilter();

    private final List<Invocation> passed = new ArrayList<>();

    private Completion<?> call(Caller caller) {
        return this.filter.filter(TestModels.invocation(this.model, caller, null), invocation -> {
            this.passed.add(invocation);
            return TestModels.completion(this.model, this.model.deployments().getFirst(),
                    new Usage.Tokens(1, 1, false));
        });
    }

    @Test
    void isTheAccessStage() {
        assertThat(this.filter.stage()).isEqualTo(Stage.ACCESS);
    }

    @Test
    void passesACallerWithoutAnAllowList() {
        assertThat(call(Caller.anonymous())).isNotNull();
        assertThat(this.passed).hasSize(1);
    }

    @Test
    void passesACallerWhoseAllowListNamesTheModel() {
        call(new Caller("team-a", "a", false, Set.of("m", "other")));

        assertThat(this.passed).singleElement().satisfies(i -> assertThat(i.model().id()).isEqualTo("m"));
    }

    @Test
    void refusesAModelOutsideTheAllowListWithoutCallingOn() {
        Caller caller = new Caller("team-b", "b", false, Set.of("other"));

        assertThatThrownBy(() -> call(caller)).isInstanceOfSatisfying(GatewayException.class, ex -> {
            assertThat(ex.code()).isEqualTo(ProblemCode.MODEL_NOT_ALLOWED);
            assertThat(ex.code().status()).isEqualTo(403);
            assertThat(ex.detail()).contains("team-b").contains("'m'");
            assertThat(ex.extensions()).containsEntry("model", "m");
        });
        assertThat(this.passed).isEmpty();
    }

    @Test
    void anEmptyAllowListAllowsNothing() {
        assertThatThrownBy(() -> call(new Caller("none", null, true, Set.of())))
            .isInstanceOfSatisfying(GatewayException.class,
                    ex -> assertThat(ex.code()).isEqualTo(ProblemCode.MODEL_NOT_ALLOWED));
        assertThat(this.passed).isEmpty();
    }
}
