package dev.fmgateway.awsnative;

import dev.fmgateway.catalog.Backend;

/** The AWS API a native route speaks: its SigV4 signing name, backend and error vocabulary. */
enum AwsService {

    BEDROCK("bedrock", Backend.BEDROCK, "message"),

    SAGEMAKER("sagemaker", Backend.SAGEMAKER, "Message");

    private final String signingName;

    private final Backend backend;

    private final String messageMember;

    AwsService(String signingName, Backend backend, String messageMember) {
        this.signingName = signingName;
        this.backend = backend;
        this.messageMember = messageMember;
    }

    String signingName() {
        return this.signingName;
    }

    Backend backend() {
        return this.backend;
    }

    /** The member of the error body that holds the message ({@code message}, or {@code Message} on SageMaker). */
    String messageMember() {
        return this.messageMember;
    }

    /** The service a request path belongs to. */
    static AwsService of(String path) {
        return path.startsWith("/endpoints/") ? SAGEMAKER : BEDROCK;
    }
}
