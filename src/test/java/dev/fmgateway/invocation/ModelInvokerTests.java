package dev.fmgateway.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.support.TestModels;

/** The pipeline runs one filter per stage, in the order {@link Stage} declares, whatever order Spring gives. */
class ModelInvokerTests {

    private final List<Stage> ran = new ArrayList<>();

    private InvocationFilter step(Stage stage) {
        return new InvocationFilter() {

            @Override
            public Stage stage() {
                return stage;
            }

            @Override
            public Completion<?> filter(Invocation invocation, InvocationChain next) {
                ModelInvokerTests.this.ran.add(stage);
                return next.proceed(invocation);
            }
        };
    }

    @Test
    void runsTheStagesInTheirDeclaredOrder() {
        List<InvocationFilter> shuffled = new ArrayList<>(Arrays.stream(Stage.values()).map(this::step).toList());
        Collections.shuffle(shuffled);
        CatalogModel model = TestModels.model("m", List.of(TestModels.bedrock("us-east-1")));
        InvocationChain adapters = invocation -> new Completion<>(model, TestModels.bedrock("us-east-1"),
                new TextResult("ok", FinishReason.STOP, new Usage.Tokens(1, 1, false)), null);
        ModelInvoker invoker = new ModelInvoker(null, shuffled, adapters, Duration.ofSeconds(5));

        Invocation invocation = TestModels.invocation(model, Duration.ofSeconds(5));
        TextResult result = invoker.invoke(model, (TextPrompt) invocation.request(), invocation.context()).result();

        assertThat(result.output()).isEqualTo("ok");
        assertThat(this.ran).containsExactly(Stage.values());
    }

    @Test
    void everyStageRunsAfterTheStagesItNeeds() {
        for (Stage stage : Stage.values()) {
            assertThat(stage.after()).allSatisfy(before -> assertThat(before.ordinal()).isLessThan(stage.ordinal()));
        }
    }

    @Test
    void aMissingOrDoubledStageIsAWiringError() {
        List<InvocationFilter> all = new ArrayList<>(Arrays.stream(Stage.values()).map(this::step).toList());
        all.removeIf(filter -> filter.stage() == Stage.METERING);
        assertThatIllegalStateException().isThrownBy(() -> ModelInvoker.inStageOrder(all))
            .withMessageContaining("METERING");
        all.add(step(Stage.LEDGER));
        assertThatIllegalStateException().isThrownBy(() -> ModelInvoker.inStageOrder(all))
            .withMessageContaining("Two filters for stage LEDGER");
    }
}
