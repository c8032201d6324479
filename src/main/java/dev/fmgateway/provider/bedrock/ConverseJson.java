package dev.fmgateway.provider.bedrock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.builder.Buildable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bedrock's JSON for the SDK's Converse model classes, written and read by the classes' own field metadata (member
 * names, types, list and map members: what the SDK's JSON marshallers read), so that the gateway can sign and send
 * a typed request itself instead of through the SDK client's request pipeline (docs/benchmark.md, "Alternatives").
 * Only body members are written (the model id is in the path); members the classes do not know are skipped on read.
 */
final class ConverseJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Per builder class: its body members by JSON name. */
    private static final Map<Class<?>, Map<String, SdkField<?>>> BY_NAME = new ConcurrentHashMap<>();

    private ConverseJson() {
    }

    /** The request's body members as a JSON object. */
    static ObjectNode write(SdkPojo pojo) {
        ObjectNode object = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)) {
                object.set(field.locationName(), value(field, value));
            }
        }
        return object;
    }

    private static JsonNode value(SdkField<?> field, Object value) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return write((SdkPojo) value);
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = NODES.arrayNode();
            for (Object item : (List<?>) value) {
                array.add(item == null ? NODES.nullNode() : value(member, item));
            }
            return array;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            ObjectNode object = NODES.objectNode();
            ((Map<?, ?>) value).forEach((key, item) -> object.set(String.valueOf(key),
                    item == null ? NODES.nullNode() : value(member, item)));
            return object;
        }
        return switch (value) {
            case String text -> NODES.stringNode(text);
            case Boolean flag -> NODES.booleanNode(flag);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Float number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case BigDecimal number -> NODES.numberNode(number);
            case Short number -> NODES.numberNode(number);
            case Byte number -> NODES.numberNode(number);
            case SdkBytes bytes -> NODES.stringNode(BinaryUtils.toBase64(bytes.asByteArrayUnsafe()));
            case Instant instant -> NODES.numberNode(BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9)));
            case Document document -> Documents.json(document);
            default -> throw new IllegalArgumentException("no JSON form for " + field.memberName() + " ("
                    + value.getClass().getSimpleName() + ")");
        };
    }

    /** Fills the builder from the JSON object and builds it. */
    @SuppressWarnings("unchecked")
    static <T> T read(JsonNode json, SdkPojo builder) {
        fill(json, builder);
        return (T) ((Buildable) builder).build();
    }

    private static void fill(JsonNode json, SdkPojo builder) {
        Map<String, SdkField<?>> fields = BY_NAME.computeIfAbsent(builder.getClass(), type -> {
            Map<String, SdkField<?>> byName = new HashMap<>();
            for (SdkField<?> field : builder.sdkFields()) {
                if (field.location() == MarshallLocation.PAYLOAD) {
                    byName.put(field.unmarshallLocationName(), field);
                }
            }
            return Map.copyOf(byName);
        });
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            SdkField<?> field = fields.get(member.getKey());
            if (field != null && !member.getValue().isNull()) {
                field.set(builder, parse(field, member.getValue()));
            }
        }
    }

    private static Object parse(SdkField<?> field, JsonNode json) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return read(json, field.constructor().get());
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> items = new ArrayList<>(json.size());
            json.forEach(item -> items.add(item.isNull() ? null : parse(member, item)));
            return items;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> entries = new LinkedHashMap<>();
            json.properties().forEach(entry -> entries.put(entry.getKey(),
                    entry.getValue().isNull() ? null : parse(member, entry.getValue())));
            return entries;
        }
        if (type == MarshallingType.DOCUMENT) {
            return Documents.of(json);
        }
        if (type == MarshallingType.STRING) {
            return json.asString();
        }
        if (type == MarshallingType.INTEGER) {
            return json.asInt();
        }
        if (type == MarshallingType.LONG) {
            return json.asLong();
        }
        if (type == MarshallingType.DOUBLE) {
            return json.asDouble();
        }
        if (type == MarshallingType.FLOAT) {
            return (float) json.asDouble();
        }
        if (type == MarshallingType.BOOLEAN) {
            return json.asBoolean();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return json.decimalValue();
        }
        if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArrayUnsafe(BinaryUtils.fromBase64(json.asString()));
        }
        if (type == MarshallingType.INSTANT) {
            BigDecimal seconds = json.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        throw new IllegalArgumentException("no reading for " + field.memberName() + " (" + type + ")");
    }
}
