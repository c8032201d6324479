package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentSource;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** The emulator's Converse guardrails and document blocks, through the AWS SDK, and what it refuses. */
class ConverseGuardrailDocumentTests {

    private static final String CLAUDE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    private static Message user(ContentBlock... blocks) {
        return Message.builder().role(ConversationRole.USER).content(blocks).build();
    }

    private static GuardrailConfiguration guardrail(String identifier, String version) {
        return GuardrailConfiguration.builder().guardrailIdentifier(identifier).guardrailVersion(version).build();
    }

    private static ContentBlock document(String name, String bytes) {
        return ContentBlock.fromDocument(DocumentBlock.builder().format(DocumentFormat.PDF).name(name)
            .source(DocumentSource.fromBytes(SdkBytes.fromString(bytes, StandardCharsets.US_ASCII))).build());
    }

    @Test
    void aGuardrailBlocksATurnThatSaysTheTriggerWordAndLetsOthersThrough() {
        ConverseResponse blocked = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(ContentBlock.fromText("Where is the contraband?")))
            .guardrailConfig(guardrail("demoguard", "DRAFT"))));
        ConverseResponse passed = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(ContentBlock.fromText("Name a colour")))
            .guardrailConfig(guardrail("demoguard", "12"))));
        ConverseResponse unguarded = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(ContentBlock.fromText("Where is the contraband?")))));

        assertThat(blocked.stopReason()).isEqualTo(StopReason.GUARDRAIL_INTERVENED);
        assertThat(blocked.output().message().content().getFirst().text())
            .isEqualTo(ConverseInput.GUARDRAIL_MESSAGE);
        assertThat(passed.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(unguarded.stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void aGuardrailIdentifierOrVersionBedrockWouldRefuseIsRefused() {
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(ContentBlock.fromText("hi")))
            .guardrailConfig(guardrail("Demo_Guard", "DRAFT")))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("guardrailConfig.guardrailIdentifier");
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(ContentBlock.fromText("hi")))
            .guardrailConfig(guardrail("demoguard", "v1")))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("guardrailConfig.guardrailVersion");
    }

    @Test
    void aPdfDocumentIsReadAndOneWhoseBytesAreNotPdfOrWhoseNameHasADotIsRefused() {
        ConverseResponse read = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(document("Q3 report", "%PDF-1.7 minimal"), ContentBlock.fromText("Summarise it")))));

        assertThat(read.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(document("Q3 report", "plain text"), ContentBlock.fromText("Summarise it"))))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("not a valid pdf");
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(document("q3.pdf", "%PDF-1.7"), ContentBlock.fromText("Summarise it"))))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("document file name");
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(document("Q3 report", "%PDF-1.7"))))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("accompanied by a text block");
    }
}
