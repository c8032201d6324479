package dev.fmgateway.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * The {@code fieldErrors} of a failed bean validation, named as the caller sent them: body fields by their path,
 * path variables, query parameters and headers by their names. Messages never repeat the rejected value.
 */
public final class ValidationErrors {

    private ValidationErrors() {
    }

    /** Field errors of a method validation (constraints on path variables, query parameters, headers), by field. */
    public static List<Map<String, String>> of(HandlerMethodValidationException ex) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors.getFieldErrors().forEach(error -> errors.add(of(error)));
                continue;
            }
            String name = name(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(entry(name, error.getDefaultMessage()));
            }
        }
        errors.sort(Comparator.comparing((Map<String, String> e) -> e.get("field")));
        return errors;
    }

    public static Map<String, String> of(FieldError error) {
        return entry(error.getField(), error.getDefaultMessage());
    }

    private static Map<String, String> entry(String field, @org.jspecify.annotations.Nullable String message) {
        return Map.of("field", field, "message", message != null ? message : "is invalid");
    }

    private static String name(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        String name = parameter.getParameterName();
        return name != null ? name : "arg" + parameter.getParameterIndex();
    }
}
