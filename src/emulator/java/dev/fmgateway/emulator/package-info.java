/**
 * A local emulator of the Bedrock Runtime and SageMaker Runtime HTTP wire protocols (SigV4, rest-json
 * errors, event streams, per-family native bodies) with deterministic synthetic outputs and fault
 * injection, for tests, demos and benchmarks without an AWS account.
 */
@NullMarked
package dev.fmgateway.emulator;

import org.jspecify.annotations.NullMarked;
