package dev.fmgateway.text;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.invocation.ResponseFormat;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Tool;
import dev.fmgateway.invocation.ToolCall;
import dev.fmgateway.invocation.ToolChoice;
import dev.fmgateway.problem.OutputSchemaMismatchException;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * A response format enforced through a tool: the model is offered one more tool whose input schema is the
 * requested schema (forced where the model takes a forced tool choice), and its call's input is the answer. The
 * answer is validated before it is sent; one that does not validate gets one more attempt, then
 * {@code 502 OUTPUT_SCHEMA_MISMATCH} with the validation errors. Every attempt is metered and recorded.
 */
public final class StructuredOutput {

    static final String DEFAULT_TOOL = "structured_answer";

    static final int ATTEMPTS = 2;

    private StructuredOutput() {
    }

    /**
     * The call's answer and, when the model answered through the format's tool, the validated value (null when
     * it called one of the caller's own tools instead).
     */
    public record Answer(Completion<TextResult> completion, @Nullable JsonNode parsed) {
    }

    public static Answer generate(ModelInvoker invoker, CatalogModel model, TextPrompt prompt, CallContext context) {
        ResponseFormat format = prompt.responseFormat();
        String name = format.name() != null ? format.name() : DEFAULT_TOOL;
        if (prompt.tools().stream().anyMatch(tool -> tool.name().equals(name))) {
            throw new InvalidRequestException("responseFormat.name", "'" + name + "' is also the name of a tool");
        }
        List<Tool> tools = new ArrayList<>(prompt.tools());
        tools.add(new Tool(name, "Give the answer by calling this tool: its input is the whole answer.", format.schema()));
        boolean force = prompt.tools().isEmpty() && model.features().forcedToolChoice();
        TextPrompt sent = prompt.withTools(tools, force ? ToolChoice.named(name) : ToolChoice.AUTO);
        List<String> errors = List.of();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Completion<TextResult> completion = invoker.invoke(model, sent, context);
            TextResult result = completion.result();
            ToolCall answer = result.toolCalls().stream().filter(call -> call.name().equals(name)).findFirst().orElse(null);
            if (answer == null && !result.toolCalls().isEmpty()) {
                return new Answer(completion, null);
            }
            errors = answer == null ? List.of("the model answered without calling the " + name + " tool")
                    : JsonSchemas.errors(format.schema(), answer.input());
            if (errors.isEmpty()) {
                List<ToolCall> others = result.toolCalls().stream().filter(call -> call != answer).toList();
                TextResult structured = new TextResult(answer.input().toString(),
                        others.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_USE, result.usage(), others,
                        result.reasoning());
                return new Answer(new Completion<>(completion.model(), completion.deployment(), structured,
                        completion.cost()), answer.input());
            }
        }
        throw new OutputSchemaMismatchException(model.id(), ATTEMPTS, errors);
    }
}
