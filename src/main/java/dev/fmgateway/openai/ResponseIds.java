package dev.fmgateway.openai;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Ids of responses and of their output items. An item id carries the id of the response it belongs to
 * ({@code msg_<hex>}, {@code rs_<hex>}, {@code fc_<hex>_<n>} for {@code resp_<hex>}), so an {@code item_reference}
 * finds its stored response without an index of items.
 */
final class ResponseIds {

    private static final Pattern ITEM = Pattern.compile("(?:msg|rs|fc)_([0-9a-f]{32})(?:_\\d{1,4})?");

    private ResponseIds() {
    }

    static String newResponse() {
        return "resp_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String message(String responseId) {
        return "msg_" + hex(responseId);
    }

    static String reasoning(String responseId) {
        return "rs_" + hex(responseId);
    }

    /** The id of the {@code index}-th function call of the response (counting from 0). */
    static String call(String responseId, int index) {
        return "fc_" + hex(responseId) + "_" + index;
    }

    /** The response an output item id belongs to; null when it is not one of this gateway's item ids. */
    static @Nullable String responseOf(String itemId) {
        Matcher matcher = ITEM.matcher(itemId);
        return matcher.matches() ? "resp_" + matcher.group(1) : null;
    }

    private static String hex(String responseId) {
        return responseId.substring("resp_".length());
    }
}
