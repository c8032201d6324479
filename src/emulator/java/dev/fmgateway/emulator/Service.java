package dev.fmgateway.emulator;

/** The two AWS services the emulator speaks, with what differs in their error envelopes. */
enum Service {

    BEDROCK("bedrock", "http://internal.amazon.com/coral/com.amazon.bedrock/", "message"),
    SAGEMAKER("sagemaker", "http://internal.amazon.com/coral/com.amazon.sagemaker/", "Message");

    private final String signingName;
    private final String errorNamespace;
    private final String messageMember;

    Service(String signingName, String errorNamespace, String messageMember) {
        this.signingName = signingName;
        this.errorNamespace = errorNamespace;
        this.messageMember = messageMember;
    }

    /** The SigV4 service name in the credential scope. */
    String signingName() {
        return signingName;
    }

    /** Suffix of {@code x-amzn-ErrorType}, after {@code Code:}. */
    String errorNamespace() {
        return errorNamespace;
    }

    /** {@code message} for Bedrock, {@code Message} for SageMaker. */
    String messageMember() {
        return messageMember;
    }
}
