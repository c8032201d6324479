package dev.fmgateway.web;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.invocation.Completion;

/** The {@code cost} member for a completion, with the instance-hour note for SageMaker endpoints. */
public final class CostViews {

    private CostViews() {
    }

    public static UsageView.CostView of(Completion completion) {
        return completion.deployment().backend() == Backend.SAGEMAKER
                ? UsageView.CostView.ofInstanceHours(completion.costOrZero())
                : UsageView.CostView.of(completion.costOrZero());
    }
}
