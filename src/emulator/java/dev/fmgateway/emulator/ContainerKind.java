package dev.fmgateway.emulator;

import java.util.Locale;

/** The inference container an emulated SageMaker endpoint pretends to run. */
enum ContainerKind {

    /** Hugging Face LLM DLC / text-generation-inference (§7.1). */
    TGI,
    /** DJL Serving / LMI (§7.2). */
    DJL,
    /** Legacy JumpStart Hugging Face text generation (§7.2). */
    JUMPSTART_TEXT,
    /** AlexaTM 20B on JumpStart (legacy JumpStart text format, {@code [CLM]} prompts). */
    ALEXATM,
    /** Segment Anything 2.1 JumpStart container: stateful sessions, {@code add_points}/{@code add_box} (§7.3). */
    SAM,
    /** Segment Anything behind a custom container with one-shot requests (designed for the emulator). */
    SAM_ONE_SHOT;

    static ContainerKind of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown SageMaker container kind '" + name
                    + "' (expected tgi, djl, jumpstart-text, alexatm, sam or sam-one-shot)", e);
        }
    }
}
