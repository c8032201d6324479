/**
 * The Anthropic Messages surface ({@code /anthropic/v1/messages}, {@code /messages/count_tokens},
 * {@code /models}): apps built on the Anthropic SDK, and Claude Code, point their base URL here. Each call is
 * rewritten as Anthropic's own Bedrock wrapper does (Claude Messages body for InvokeModel) and sent through the
 * gateway's pipeline as a native call; answers and errors take Anthropic's shapes.
 */
@NullMarked
package dev.fmgateway.anthropic;

import org.jspecify.annotations.NullMarked;
