package dev.fmgateway.openai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.fmgateway.invocation.TextResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a response's conversation from the stored one it continues ({@code previous_response_id}) and the
 * {@code item_reference}s of its input, and stores the conversation with the response's output for the next turn.
 * A key only finds its own responses; an unknown, expired, unstored or other key's id is a 400
 * {@code previous_response_not_found}; with storing off, either parameter is a 400 {@code unsupported_parameter}.
 */
@Component
class ResponseConversations {

    private final ResponseStore store;

    private final JsonMapper json;

    ResponseConversations(ResponseStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    Conversation resolve(ResponsesRequest request, String apiKey) {
        List<JsonNode> items = new ArrayList<>();
        Map<String, List<JsonNode>> loaded = new HashMap<>();
        String previous = request.previousResponseId();
        if (previous != null) {
            requireStore("previous_response_id", "previous_response_id");
            items.addAll(load(previous, apiKey, loaded));
        }
        int inputStart = items.size();
        for (JsonNode item : request.inputItems()) {
            items.add("item_reference".equals(item.path("type").asString("")) ? referenced(item, apiKey, loaded) : item);
        }
        return new Conversation(items, inputStart);
    }

    private JsonNode referenced(JsonNode reference, String apiKey, Map<String, List<JsonNode>> loaded) {
        requireStore("input", "an item_reference in input");
        String id = reference.path("id").asString("");
        String response = ResponseIds.responseOf(id);
        if (response != null) {
            for (JsonNode item : loadItem(response, id, apiKey, loaded)) {
                if (id.equals(item.path("id").asString(""))) {
                    return item;
                }
            }
        }
        throw PreviousResponseNotFoundException.item(id);
    }

    private List<JsonNode> loadItem(String response, String itemId, String apiKey, Map<String, List<JsonNode>> loaded) {
        try {
            return load(response, apiKey, loaded);
        }
        catch (PreviousResponseNotFoundException ex) {
            throw PreviousResponseNotFoundException.item(itemId);
        }
    }

    private List<JsonNode> load(String response, String apiKey, Map<String, List<JsonNode>> loaded) {
        List<JsonNode> items = loaded.get(response);
        if (items == null) {
            items = this.store.conversation(response, apiKey)
                .orElseThrow(() -> PreviousResponseNotFoundException.response(response));
            loaded.put(response, items);
        }
        return items;
    }

    private void requireStore(String param, String what) {
        UnsupportedParameterException.refuseIf(!this.store.enabled(), param, what + " is not supported: this "
                + "gateway does not store responses (gateway.openai.responses.store-ttl is 0); send the whole "
                + "conversation as input items");
    }

    /** Whether the response to {@code request} is to be stored. */
    boolean storing(ResponsesRequest request) {
        return this.store.enabled() && request.storable();
    }

    /**
     * Stores the conversation followed by the response's output (reasoning with its signature, so that a tool turn
     * that continues it passes the model's check); whether it was stored. Nothing is stored when storing is off or
     * the request said {@code store: false}.
     */
    boolean save(ResponsesRequest request, String apiKey, Conversation conversation, ResponseObject response,
            TextResult result) {
        if (!storing(request)) {
            return false;
        }
        List<JsonNode> items = new ArrayList<>(conversation.items());
        for (Object output : response.output()) {
            ObjectNode item = (ObjectNode) this.json.valueToTree(output);
            if (output instanceof ResponseObject.Reasoning && result.reasoning() != null
                    && result.reasoning().signature() != null) {
                item.put("encrypted_content", result.reasoning().signature());
            }
            items.add(item);
        }
        return this.store.save(response.id(), apiKey, response.model(), items);
    }
}
