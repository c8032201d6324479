package dev.fmgateway.docs;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The committed form of a spec: keys sorted at every level, two-space pretty printing, LF line ends. */
final class SpecFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SpecFiles() {
    }

    static String canonical(String json) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(JSON.readTree(json)))
            .replace("\r\n", "\n") + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "line " + (i + 1) + ": committed `" + a[i].strip() + "`, served `" + b[i].strip() + "`";
            }
        }
        return a.length == 1 && a[0].isEmpty() ? "the file is missing or empty"
                : "line " + (Math.min(a.length, b.length) + 1) + ": one side ends";
    }
}
