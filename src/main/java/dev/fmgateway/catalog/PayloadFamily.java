package dev.fmgateway.catalog;

/**
 * The native request/response format a model speaks. A provider adapter has one codec per family, so a new
 * model (or a fine-tuned SageMaker endpoint) of a known family is a catalog entry, not code.
 */
public enum PayloadFamily {

    /** Anthropic Claude 3 and later, Messages API on Bedrock. */
    ANTHROPIC_MESSAGES,

    /** Anthropic Claude v2, v2.1 and Instant, Text Completions API. */
    ANTHROPIC_TEXT,

    /** Amazon Titan Text Lite, Express and Premier. */
    TITAN_TEXT,

    /** AI21 Labs Jurassic-2 Mid and Ultra. */
    AI21_JURASSIC2,

    /** Meta Llama 2 Chat ({@code [INST]} template). */
    META_LLAMA2,

    /** Meta Llama 3, 3.1, 3.2, 3.3 Instruct (header-token template). */
    META_LLAMA3,

    /** Amazon Titan Embeddings G1 - Text ({@code inputText} only, 1536 dimensions). */
    TITAN_EMBED_TEXT_V1,

    /** Amazon Titan Text Embeddings V2 ({@code dimensions}, {@code normalize}). */
    TITAN_EMBED_TEXT_V2,

    /** Amazon Titan Multimodal Embeddings G1 (text and/or image). */
    TITAN_EMBED_IMAGE,

    /**
     * Cohere Embed English v3, Multilingual v3 and v4 ({@code texts} up to 96 per call, {@code input_type}).
     */
    COHERE_EMBED,

    /** Amazon Titan Image Generator v1 and v2 ({@code taskType} envelope). */
    TITAN_IMAGE,

    /** Amazon Nova Canvas ({@code TEXT_IMAGE} task, {@code style}). */
    NOVA_CANVAS,

    /** Stability AI SDXL 1.0 ({@code text_prompts}, {@code cfg_scale}, {@code steps}). */
    STABILITY_SDXL,

    /** Stability AI SD3 / SD3.5 Large, Stable Image Core and Ultra ({@code prompt}, {@code aspect_ratio}). */
    STABILITY_IMAGE,

    /** Hugging Face LLM container (TGI) on SageMaker: Falcon, BLOOM, GPT-2. */
    HF_TGI,

    /** DJL / LMI container on SageMaker (GPT-J). */
    DJL_LMI,

    /** Legacy JumpStart Hugging Face text generation ({@code text_inputs} → {@code generated_texts}). */
    JUMPSTART_TEXT,

    /** AlexaTM 20B on JumpStart. */
    ALEXATM,

    /** Segment Anything 2.1 on a SageMaker JumpStart endpoint: stateful sessions (reference §7.3). */
    SAM,

    /** Segment Anything behind a custom SageMaker container that takes one-shot requests (README, Segmentation). */
    SAM_ONE_SHOT,

    /** Amazon Nova Micro, Lite, Pro and Premier (chat; called through Converse only). */
    AMAZON_NOVA(true),

    /** Mistral Large, Small and Pixtral Large (chat; called through Converse only). */
    MISTRAL(true),

    /** Cohere Command R and R+ (chat; called through Converse only). */
    COHERE_COMMAND(true),

    /** DeepSeek-R1 (reasoning chat; called through Converse only). */
    DEEPSEEK(true),

    /** OpenAI gpt-oss 20b and 120b on Bedrock (chat; called through Converse only). */
    OPENAI_GPT_OSS(true),

    /** Meta Llama 4 Scout and Maverick (chat; called through Converse only). */
    META_LLAMA4(true);

    private final boolean converseOnly;

    PayloadFamily() {
        this(false);
    }

    PayloadFamily(boolean converseOnly) {
        this.converseOnly = converseOnly;
    }

    /**
     * Whether the gateway calls this family through Converse only: it has no InvokeModel codec for its native
     * body, so a deployment of it must say {@code api: converse}.
     */
    public boolean converseOnly() {
        return this.converseOnly;
    }

    /** How many texts one upstream embeddings call of this family may carry (Cohere Embed: 96). */
    public int textsPerCall() {
        return this == COHERE_EMBED ? 96 : 1;
    }

    /** Whether the family embeds a text differently by what it is for ({@code inputType}). */
    public boolean takesInputType() {
        return this == COHERE_EMBED;
    }

}
