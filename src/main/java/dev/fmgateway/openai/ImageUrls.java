package dev.fmgateway.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.fmgateway.text.ChatImages;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code image_url} parts as image parts. A {@code data:} URL carries the image itself. A remote {@code http(s)} URL
 * is fetched only when its host is listed in {@code gateway.openai.image-url-hosts} (empty by default: fetching
 * any URL a caller names would let callers reach whatever the gateway can reach), without following redirects,
 * within {@value #TIMEOUT_SECONDS} s and {@link ChatImages#MAX_BYTES} bytes. Either way the bytes are then checked
 * like every image part (format, size, pixels).
 */
@Component
class ImageUrls {

    static final int TIMEOUT_SECONDS = 10;

    private final Set<String> hosts;

    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    ImageUrls(@Value("${gateway.openai.image-url-hosts:}") List<String> hosts) {
        this.hosts = hosts.stream()
            .map(host -> host.trim().toLowerCase(Locale.ROOT))
            .filter(host -> !host.isEmpty())
            .collect(Collectors.toSet());
    }

    /** The native image part ({@code {type: image, mediaType, base64}}) for {@code url}. */
    ObjectNode part(String field, String url) {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = comma > 0 ? url.substring(5, comma) : "";
            if (comma < 0 || !header.endsWith(";base64")) {
                throw new UnsupportedParameterException("messages",
                        field + ".url: a data URL must be data:<image type>;base64,<data>");
            }
            return image(header.substring(0, header.length() - ";base64".length()), url.substring(comma + 1));
        }
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException ex) {
            throw new UnsupportedParameterException("messages", field + ".url is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UnsupportedParameterException("messages", field + ".url must be a data: URL or an http(s) URL");
        }
        if (!this.hosts.contains(host)) {
            throw new UnsupportedParameterException("messages", field + ".url: the gateway does not fetch images from '"
                    + host + "' (send the image as a data: URL, or ask the operator to list the host in "
                    + "gateway.openai.image-url-hosts)");
        }
        return fetch(field, uri);
    }

    private ObjectNode fetch(String field, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).GET().build();
        try {
            HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new UnsupportedParameterException("messages",
                            field + ".url answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(ChatImages.MAX_BYTES + 1);
                if (bytes.length > ChatImages.MAX_BYTES) {
                    throw new UnsupportedParameterException("messages",
                            field + ".url: the image is over " + ChatImages.MAX_BYTES + " bytes");
                }
                String type = response.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*$", "").trim();
                return image(type, Base64.getEncoder().encodeToString(bytes));
            }
        }
        catch (IOException ex) {
            throw new UnsupportedParameterException("messages", field + ".url could not be fetched: " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new UnsupportedParameterException("messages", field + ".url could not be fetched: interrupted");
        }
    }

    private static ObjectNode image(String mediaType, String base64) {
        return JsonNodeFactory.instance.objectNode().put("type", "image").put("mediaType", mediaType).put("base64", base64);
    }
}
