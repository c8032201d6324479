package dev.fmgateway.openai;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import java.util.List;
import java.util.Map;



/**
 * An OpenAI parameter the gateway knows but cannot honour (tools, {@code n} > 1 while streaming, image URLs, ...):
 * refused with a 400 that names it, rather than silently ignored.
 */
class UnsupportedParameterException extends GatewayException {

    UnsupportedParameterException(String param, String message) {
        super(ProblemCode.UNSUPPORTED_PARAMETER, message);
        extend("fieldErrors", List.of(Map.of("field", param, "message", message)));
    }

    static void refuseIf(boolean condition, String param, String message) {
        if (condition) {
            throw new UnsupportedParameterException(param, message);
        }
    }
}
