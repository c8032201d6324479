package dev.fmgateway.aws;

/**
 * A stand-in for AWS on this machine: the development build's emulator provides one in {@code emulator} mode.
 * The packaged gateway has none, so it cannot run in that mode.
 */
@FunctionalInterface
public interface LocalUpstream {

    /** The endpoints and credentials that reach it. */
    AwsAccess access();

}
