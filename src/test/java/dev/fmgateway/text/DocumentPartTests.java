package dev.fmgateway.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;

/**
 * Document parts end to end: a native {@code document} part and an OpenAI {@code file} part go out as a Converse
 * DocumentBlock (the emulator checks it as Bedrock does, PDF bytes included); a model without documents, a bad name,
 * bytes that are not the format, too many documents and an oversized one are refused before any upstream call.
 */
class DocumentPartTests extends GatewayIntegrationTest {

    private static final String PDF = base64("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

    @Test
    void aDocumentPartIsSentAsADocumentBlock() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", body("claude-sonnet-4-5",
                document("pdf", "Q3 report (final)", PDF)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("output").asString()).isNotBlank();
        String sent = this.emulator.requests().last().orElseThrow().bodyText();
        assertThat(sent).contains("\"document\":{\"format\":\"pdf\",\"name\":\"Q3 report (final)\"")
            .contains("\"bytes\":\"" + PDF + "\"");
    }

    @Test
    void anOpenAiFilePartBecomesADocumentNamedAfterTheFile() {
        GatewayHttp.Response response = this.http.post("/openai/v1/chat/completions", """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":[
                  {"type":"file","file":{"file_data":"data:application/pdf;base64,%s","filename":"q3_report.pdf"}},
                  {"type":"text","text":"Summarise this report"}]}]}""".formatted(PDF));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("choices").path(0).path("finish_reason").asString()).isEqualTo("stop");
        assertThat(this.emulator.requests().last().orElseThrow().bodyText())
            .contains("\"document\":{\"format\":\"pdf\",\"name\":\"q3-report\"");
    }

    @Test
    void aModelWithoutDocumentsIsA422NamingThem() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", body("llama-3-3-70b",
                document("pdf", "report", PDF)));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().path("code").asString()).isEqualTo("CAPABILITY_NOT_SUPPORTED");
        assertThat(response.body()).contains("documents");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void badNamesFormatsBytesCountsAndSizesAreRefusedBeforeAnyCall() {
        GatewayHttp.Response dotted = this.http.post("/v1/text/generations", body("claude-sonnet-4-5",
                document("pdf", "report.pdf", PDF)));
        GatewayHttp.Response format = this.http.post("/v1/text/generations", body("claude-sonnet-4-5",
                document("odt", "report", PDF)));
        GatewayHttp.Response notPdf = this.http.post("/v1/text/generations", body("claude-sonnet-4-5",
                document("pdf", "report", base64("just some text"))));
        String six = String.join(",", java.util.Collections.nCopies(6, document("txt", "notes", base64("notes"))));
        GatewayHttp.Response tooMany = this.http.post("/v1/text/generations", body("claude-sonnet-4-5", six));
        String big = Base64.getEncoder().encodeToString(("%PDF-" + "x".repeat(4_718_592)).getBytes(StandardCharsets.US_ASCII));
        GatewayHttp.Response tooBig = this.http.post("/v1/text/generations", body("claude-sonnet-4-5",
                document("pdf", "big", big)));
        GatewayHttp.Response alone = this.http.post("/v1/text/generations", """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":[%s]}]}"""
            .formatted(document("pdf", "report", PDF)));

        assertThat(dotted.status()).as(dotted.body()).isEqualTo(400);
        assertThat(dotted.json().path("fieldErrors").path(0).path("field").asString())
            .isEqualTo("messages[0].content[0].name");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.body()).contains("messages[0].content[0].format");
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(notPdf.body()).contains("is not a pdf document");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 5 documents");
        assertThat(tooBig.status()).as(tooBig.body()).isEqualTo(413);
        assertThat(alone.status()).isEqualTo(400);
        assertThat(alone.body()).contains("needs a text part");
        assertThat(this.emulator.requests().size()).isZero();
    }

    private static String body(String model, String parts) {
        return """
                {"model":"%s","messages":[{"role":"user","content":[%s,{"type":"text","text":"Summarise it"}]}]}"""
            .formatted(model, parts);
    }

    private static String document(String format, String name, String base64) {
        return """
                {"type":"document","format":"%s","name":"%s","base64":"%s"}""".formatted(format, name, base64);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
