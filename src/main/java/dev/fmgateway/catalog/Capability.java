package dev.fmgateway.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a model can be asked to do; each model route requires one. */
@Schema(enumAsRef = true)
public enum Capability {

    TEXT_GENERATION, CHAT, IMAGE_GENERATION, SEGMENTATION, EMBEDDING

}
