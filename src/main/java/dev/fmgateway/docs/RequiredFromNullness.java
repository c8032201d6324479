package dev.fmgateway.docs;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Our packages are {@code @NullMarked}: a record component without {@code @Nullable} is always present in a
 * response and required in a request. This marks those properties {@code required}, so that generated clients
 * get non-optional fields exactly where the gateway guarantees a value.
 */
@Component
class RequiredFromNullness implements ModelConverter {

    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord() || !raw.getPackageName().startsWith("dev.fmgateway")) {
            return resolved;
        }
        Schema model = resolved.get$ref() != null
                ? context.getDefinedModels().get(resolved.get$ref().substring(REF_PREFIX.length())) : resolved;
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            String name = component.getName();
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (!nullable && model.getProperties().containsKey(name)
                    && (model.getRequired() == null || !model.getRequired().contains(name))) {
                model.addRequiredItem(name);
            }
        }
        return resolved;
    }
}
