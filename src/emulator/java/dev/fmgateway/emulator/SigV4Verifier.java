package dev.fmgateway.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 ...}) on a request exactly as
 * received. It recomputes the canonical request from the raw path (encoded once more, as for every
 * non-S3 service), the raw query, the headers named in {@code SignedHeaders} and the body hash, then
 * compares signatures in constant time. Hand-rolled on purpose: the SDK signer picks its own header
 * set and payload rules, a verifier must follow the client's choice instead.
 */
final class SigV4Verifier {

    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private final String accessKeyId;
    private final String secretKey;
    private final Clock clock;

    SigV4Verifier(String accessKeyId, String secretKey, Clock clock) {
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    /** The credential scope of a request that passed verification. */
    record Scope(String accessKeyId, String date, String region, String service) {
    }

    /**
     * @param headers lower-case names → values as received
     * @throws ApiException 403 with the code AWS uses for the failure
     */
    Scope verify(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
            Service expected) {
        String authorization = first(headers, "authorization");
        if (authorization == null) {
            throw ApiException.missingToken();
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw authorization.startsWith("Bearer ") ? ApiException.unrecognizedClient()
                    : ApiException.incompleteSignature("Authorization header requires '" + ALGORITHM + "' algorithm.");
        }
        Map<String, String> parameters = parameters(authorization.substring(ALGORITHM.length() + 1));
        String credential = parameters.get("Credential");
        String signedHeaders = parameters.get("SignedHeaders");
        String signature = parameters.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw ApiException.incompleteSignature("Authorization header requires 'Credential', 'SignedHeaders' and "
                    + "'Signature' parameters. Authorization=" + authorization);
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw ApiException.incompleteSignature("Credential should be of the form "
                    + "<access key>/<date>/<region>/<service>/aws4_request. Credential=" + credential);
        }
        if (!accessKeyId.equals(scope[0])) {
            throw ApiException.unrecognizedClient();
        }
        String amzDate = first(headers, "x-amz-date");
        if (amzDate == null) {
            throw ApiException.incompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' "
                    + "or a 'Date' header. Authorization=" + authorization);
        }
        checkTime(amzDate, scope[1]);
        if (!expected.signingName().equals(scope[3])) {
            throw ApiException.invalidSignature("Credential should be scoped to correct service: '"
                    + expected.signingName() + "'. ");
        }
        String canonicalRequest = String.join("\n", method, canonicalUri(rawPath), canonicalQuery(rawQuery),
                canonicalHeaders(signedHeaders, headers), signedHeaders, payloadHash(headers, body));
        String stringToSign = String.join("\n", ALGORITHM, amzDate, String.join("/", scope[1], scope[2], scope[3], scope[4]),
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, "aws4_request");
        byte[] expectedSignature = hex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expectedSignature, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.invalidSignature("The request signature we calculated does not match the signature "
                    + "you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.\n\nThe Canonical String for this request should have been\n'"
                    + canonicalRequest + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
        }
        return new Scope(scope[0], scope[1], scope[2], scope[3]);
    }

    private void checkTime(String amzDate, String scopeDate) {
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        }
        catch (DateTimeParseException e) {
            throw ApiException.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'.");
        }
        if (!amzDate.startsWith(scopeDate)) {
            throw ApiException.invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                    + "of date from HTTP: '" + scopeDate + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw ApiException.invalidSignature("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw ApiException.invalidSignature("Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }
    }

    private static Map<String, String> parameters(String text) {
        return java.util.Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(part -> part.indexOf('=') > 0)
                .collect(Collectors.toMap(part -> part.substring(0, part.indexOf('=')),
                        part -> part.substring(part.indexOf('=') + 1), (a, b) -> b));
    }

    /** Each segment of the path as sent is URI-encoded once more: {@code %3A} becomes {@code %253A}. */
    static String canonicalUri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        return java.util.Arrays.stream(rawPath.split("/", -1))
                .map(SigV4Verifier::uriEncode)
                .collect(Collectors.joining("/"));
    }

    private static String canonicalQuery(String rawQuery) {
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

    private static String canonicalHeaders(String signedHeaders, Map<String, List<String>> headers) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = headers.getOrDefault(name, List.of());
            out.append(name).append(':')
                    .append(values.stream().map(v -> v.strip().replaceAll("\\s+", " ")).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return out.toString();
    }

    /** The hash of the body as received; a declared {@code UNSIGNED-PAYLOAD} is taken as is. */
    private static String payloadHash(Map<String, List<String>> headers, byte[] body) {
        String declared = first(headers, "x-amz-content-sha256");
        return declared != null && declared.startsWith("UNSIGNED-PAYLOAD") ? declared : hex(sha256(body));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding with only {@code A-Za-z0-9-._~} left as is (SigV4 rules). */
    static String uriEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
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
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
