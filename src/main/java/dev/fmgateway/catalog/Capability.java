package dev.fmgateway.catalog;

/** What a model can be asked to do; each model route requires one. */
public enum Capability {

    TEXT_GENERATION, CHAT, IMAGE_GENERATION, SEGMENTATION, EMBEDDING

}
