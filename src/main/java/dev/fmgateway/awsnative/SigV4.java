package dev.fmgateway.awsnative;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Verifies an AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...,
 * Signature=...}) on a request as received: the canonical request is rebuilt from the method, the raw path (encoded
 * once more, as every service but S3 does), the raw query, exactly the headers the client signed and the payload
 * hash, then signed with the secret of the access key id and compared in constant time. The scope's region is
 * free (the gateway serves every region); its service must be the route's; the signing time may be at most
 * {@link #MAX_SKEW} away. The client chose what to sign, so this follows its choice rather than re-signing with the
 * SDK's signer, which picks its own header set.
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    private SigV4() {
    }

    /** The parts of an {@code Authorization} header. */
    record Authorization(String accessKeyId, String date, String region, String service, String signedHeaders,
            String signature) {

        static Authorization parse(String header) {
            Map<String, String> parameters = Arrays.stream(header.substring(ALGORITHM.length()).split(","))
                .map(String::strip)
                .filter(part -> part.indexOf('=') > 0)
                .collect(Collectors.toMap(part -> part.substring(0, part.indexOf('=')),
                        part -> part.substring(part.indexOf('=') + 1), (a, b) -> b));
            String credential = parameters.get("Credential");
            String signedHeaders = parameters.get("SignedHeaders");
            String signature = parameters.get("Signature");
            if (credential == null || signedHeaders == null || signature == null) {
                throw AwsError.incompleteSignature("Authorization header requires 'Credential', 'SignedHeaders' "
                        + "and 'Signature' parameters.");
            }
            String[] scope = credential.split("/", -1);
            if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
                throw AwsError.incompleteSignature("Credential should be of the form "
                        + "<access key>/<date>/<region>/<service>/aws4_request.");
            }
            return new Authorization(scope[0], scope[1], scope[2], scope[3], signedHeaders, signature);
        }
    }

    /** What the verifier needs of the request, as received. */
    record Request(String method, String rawPath, @Nullable String rawQuery, Function<String, List<String>> headers,
            byte[] body) {

        @Nullable String header(String name) {
            List<String> values = this.headers.apply(name);
            return values.isEmpty() ? null : values.getFirst();
        }
    }

    /**
     * @param secret the secret access key of {@code authorization.accessKeyId()}
     * @throws AwsError 403 with the type AWS uses for the failure
     */
    static void verify(Authorization authorization, String secret, Request request, AwsService service, Instant now) {
        if (!service.signingName().equals(authorization.service())) {
            throw AwsError.invalidSignature("Credential should be scoped to correct service: '"
                    + service.signingName() + "'.");
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            throw AwsError.incompleteSignature("Authorization header requires existence of a 'X-Amz-Date' header.");
        }
        checkTime(amzDate, authorization.date(), now);
        String canonicalRequest = String.join("\n", request.method(), canonicalUri(request.rawPath()),
                canonicalQuery(request.rawQuery()), canonicalHeaders(authorization.signedHeaders(), request),
                authorization.signedHeaders(), payloadHash(request));
        String scope = String.join("/", authorization.date(), authorization.region(), authorization.service(),
                "aws4_request");
        String stringToSign = String.join("\n", ALGORITHM, amzDate, scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), authorization.date());
        key = hmac(key, authorization.region());
        key = hmac(key, authorization.service());
        key = hmac(key, "aws4_request");
        byte[] expected = hex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw AwsError.invalidSignature("The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.");
        }
    }

    private static void checkTime(String amzDate, String scopeDate, Instant now) {
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        }
        catch (DateTimeParseException ex) {
            throw AwsError.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'.");
        }
        if (!amzDate.startsWith(scopeDate)) {
            throw AwsError.invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                    + "of date from HTTP: '" + scopeDate + "' != '" + amzDate.substring(0, 8) + "'.");
        }
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw AwsError.invalidSignature("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 5 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw AwsError.invalidSignature("Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 5 min.)");
        }
    }

    /** Each segment of the path as sent is encoded once more: {@code %3A} becomes {@code %253A}. */
    static String canonicalUri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        return Arrays.stream(rawPath.split("/", -1)).map(SigV4::uriEncode).collect(Collectors.joining("/"));
    }

    private static String canonicalQuery(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] { uriEncode(decode(name)), uriEncode(decode(value)) });
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    private static String canonicalHeaders(String signedHeaders, Request request) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String lower = name.toLowerCase(Locale.ROOT);
            out.append(lower)
                .append(':')
                .append(request.headers()
                    .apply(lower)
                    .stream()
                    .map(v -> v.strip().replaceAll("\\s+", " "))
                    .collect(Collectors.joining(",")))
                .append('\n');
        }
        return out.toString();
    }

    /**
     * The payload hash: the body's, or what the client declared in {@code x-amz-content-sha256} ({@code
     * UNSIGNED-PAYLOAD} is taken as declared; a declared hash must be the body's).
     */
    private static String payloadHash(Request request) {
        String actual = hex(sha256(request.body()));
        String declared = request.header("x-amz-content-sha256");
        if (declared == null) {
            return actual;
        }
        if (declared.equals("UNSIGNED-PAYLOAD")) {
            return declared;
        }
        if (declared.startsWith("STREAMING-")) {
            throw AwsError.invalidSignature("The payload signing mode '" + declared + "' is not supported here: "
                    + "sign the whole body or send UNSIGNED-PAYLOAD.");
        }
        if (!MessageDigest.isEqual(declared.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII))) {
            throw AwsError.invalidSignature("The provided 'x-amz-content-sha256' header does not match what was "
                    + "computed.");
        }
        return declared;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding with only {@code A-Za-z0-9-._~} left as is (SigV4 rules). */
    static String uriEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            }
            else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
