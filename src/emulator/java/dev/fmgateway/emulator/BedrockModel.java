package dev.fmgateway.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model id as sent in the path, resolved to its base model and family. Accepted forms: a base id of
 * the emulator's catalog ({@link #CATALOG}), optionally with a provisioned context suffix
 * ({@code :0:18k}); a cross-region inference profile id ({@code us.}, {@code eu.}, {@code apac.},
 * {@code jp.}, {@code au.}, {@code global.}, {@code us-gov.}, {@code ca.} + base id) for the families that
 * have profiles (Claude Messages, Llama 3.1+, Stability SD3/Stable Image); and the foundation-model or
 * inference-profile ARN of either. Models that AWS serves through inference profiles only
 * ({@link #PROFILE_ONLY}) are rejected when called by base id, as AWS does.
 *
 * @param id the id as sent (percent-decoded)
 * @param baseId the base model id
 * @param family the payload family
 */
record BedrockModel(String id, String baseId, Family family) {

    static final String INVALID = "The provided model identifier is invalid.";

    private static final Pattern ARN = Pattern.compile(
            "arn:aws(?:-[a-z-]+)?:bedrock:[a-z0-9-]+:(?:\\d{12})?:(foundation-model|inference-profile)/(.+)");
    private static final Pattern PROFILE = Pattern.compile("(us-gov|us|eu|apac|jp|au|global|ca)\\.(.+)");
    private static final Pattern CONTEXT_SUFFIX = Pattern.compile("(?::\\d+)?:\\d+k$");

    /** Base ids the emulator serves, by family (see docs/emulator.md). */
    static final Map<String, Family> CATALOG = catalog();

    /** Base ids AWS only serves through an inference profile (on-demand base id → ValidationException). */
    static final Set<String> PROFILE_ONLY = Set.of(
            "anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0",
            "anthropic.claude-opus-4-20250514-v1:0", "anthropic.claude-opus-4-1-20250805-v1:0",
            "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0",
            "anthropic.claude-opus-4-6-v1", "meta.llama3-2-1b-instruct-v1:0", "meta.llama3-2-3b-instruct-v1:0",
            "meta.llama3-2-11b-instruct-v1:0", "meta.llama3-2-90b-instruct-v1:0", "meta.llama3-3-70b-instruct-v1:0",
            "amazon.nova-premier-v1:0", "mistral.pixtral-large-2502-v1:0", "deepseek.r1-v1:0",
            "meta.llama4-scout-17b-instruct-v1:0", "meta.llama4-maverick-17b-instruct-v1:0");

    enum Family {
        CLAUDE_TEXT, CLAUDE_MESSAGES, TITAN_TEXT, JURASSIC, LLAMA, TITAN_EMBED_TEXT, TITAN_EMBED_IMAGE, TITAN_IMAGE,
        SDXL, STABILITY, COHERE_EMBED, NOVA_CANVAS,
        /** Chat models served through Converse only ({@link ConverseChat}). */
        NOVA, MISTRAL, COHERE_COMMAND, DEEPSEEK, GPT_OSS, LLAMA4;

        boolean text() {
            return this == CLAUDE_TEXT || this == CLAUDE_MESSAGES || this == TITAN_TEXT || this == JURASSIC || this == LLAMA
                    || this == NOVA || this == MISTRAL || this == COHERE_COMMAND || this == DEEPSEEK || this == GPT_OSS
                    || this == LLAMA4;
        }
    }

    static BedrockModel resolve(String id) {
        String inner = id;
        Boolean profile = null;
        Matcher arn = ARN.matcher(id);
        if (arn.matches()) {
            inner = arn.group(2);
            profile = arn.group(1).equals("inference-profile");
        }
        Matcher geo = PROFILE.matcher(inner);
        boolean viaProfile = geo.matches();
        if (profile != null && profile != viaProfile) {
            throw ApiException.validation(INVALID);
        }
        String base = viaProfile ? geo.group(2) : inner;
        Family family = CATALOG.get(viaProfile ? base : CONTEXT_SUFFIX.matcher(base).replaceFirst(""));
        if (family == null || (viaProfile && !hasProfiles(family, base))) {
            throw ApiException.validation(INVALID);
        }
        if (!viaProfile && PROFILE_ONLY.contains(base)) {
            throw ApiException.validation("Invocation of model ID " + base + " with on-demand throughput isn't supported. "
                    + "Retry your request with the ID or ARN of an inference profile that contains this model.");
        }
        return new BedrockModel(id, base, family);
    }

    private static boolean hasProfiles(Family family, String base) {
        return family == Family.CLAUDE_MESSAGES || family == Family.STABILITY || family == Family.NOVA
                || family == Family.DEEPSEEK || family == Family.LLAMA4 || base.startsWith("mistral.pixtral-")
                || (family == Family.LLAMA && base.matches("meta\\.llama3-[123]-.*"));
    }

    private static Map<String, Family> catalog() {
        Map<String, Family> map = new LinkedHashMap<>();
        put(map, Family.CLAUDE_TEXT, "anthropic.claude-v2", "anthropic.claude-v2:1", "anthropic.claude-instant-v1");
        put(map, Family.CLAUDE_MESSAGES, "anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-sonnet-20240229-v1:0",
                "anthropic.claude-3-opus-20240229-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0",
                "anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-5-haiku-20241022-v1:0",
                "anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0",
                "anthropic.claude-opus-4-20250514-v1:0", "anthropic.claude-opus-4-1-20250805-v1:0",
                "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0",
                "anthropic.claude-opus-4-6-v1");
        put(map, Family.TITAN_TEXT, "amazon.titan-text-lite-v1", "amazon.titan-text-express-v1",
                "amazon.titan-text-premier-v1:0", "amazon.titan-tg1-large");
        put(map, Family.JURASSIC, "ai21.j2-mid-v1", "ai21.j2-ultra-v1", "ai21.j2-mid", "ai21.j2-ultra",
                "ai21.j2-grande-instruct", "ai21.j2-jumbo-instruct");
        put(map, Family.LLAMA, "meta.llama2-13b-chat-v1", "meta.llama2-70b-chat-v1", "meta.llama2-13b-v1",
                "meta.llama2-70b-v1", "meta.llama3-8b-instruct-v1:0", "meta.llama3-70b-instruct-v1:0",
                "meta.llama3-1-8b-instruct-v1:0", "meta.llama3-1-70b-instruct-v1:0", "meta.llama3-1-405b-instruct-v1:0",
                "meta.llama3-2-1b-instruct-v1:0", "meta.llama3-2-3b-instruct-v1:0", "meta.llama3-2-11b-instruct-v1:0",
                "meta.llama3-2-90b-instruct-v1:0", "meta.llama3-3-70b-instruct-v1:0");
        put(map, Family.NOVA, "amazon.nova-micro-v1:0", "amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0",
                "amazon.nova-premier-v1:0");
        put(map, Family.MISTRAL, "mistral.mistral-large-2407-v1:0", "mistral.mistral-small-2402-v1:0",
                "mistral.pixtral-large-2502-v1:0");
        put(map, Family.COHERE_COMMAND, "cohere.command-r-v1:0", "cohere.command-r-plus-v1:0");
        put(map, Family.DEEPSEEK, "deepseek.r1-v1:0");
        put(map, Family.GPT_OSS, "openai.gpt-oss-20b-1:0", "openai.gpt-oss-120b-1:0");
        put(map, Family.LLAMA4, "meta.llama4-scout-17b-instruct-v1:0", "meta.llama4-maverick-17b-instruct-v1:0");
        put(map, Family.TITAN_EMBED_TEXT, "amazon.titan-embed-text-v1", "amazon.titan-embed-g1-text-02",
                "amazon.titan-embed-text-v2:0");
        put(map, Family.TITAN_EMBED_IMAGE, "amazon.titan-embed-image-v1");
        put(map, Family.NOVA_CANVAS, "amazon.nova-canvas-v1:0");
        put(map, Family.COHERE_EMBED, "cohere.embed-english-v3", "cohere.embed-multilingual-v3", "cohere.embed-v4:0");
        put(map, Family.TITAN_IMAGE, "amazon.titan-image-generator-v1", "amazon.titan-image-generator-v1:0",
                "amazon.titan-image-generator-v2:0");
        put(map, Family.SDXL, "stability.stable-diffusion-xl-v1", "stability.stable-diffusion-xl",
                "stability.stable-diffusion-xl-v0");
        put(map, Family.STABILITY, "stability.sd3-large-v1:0", "stability.sd3-5-large-v1:0",
                "stability.stable-image-core-v1:0", "stability.stable-image-core-v1:1", "stability.stable-image-ultra-v1:0",
                "stability.stable-image-ultra-v1:1");
        return Map.copyOf(map);
    }

    private static void put(Map<String, Family> map, Family family, String... ids) {
        for (String id : ids) {
            map.put(id, family);
        }
    }
}
