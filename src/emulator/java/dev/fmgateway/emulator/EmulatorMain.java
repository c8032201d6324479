package dev.fmgateway.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator on its own, for the AWS CLI or any SDK ({@code --endpoint-url http://127.0.0.1:4566}).
 *
 * <pre>
 * --host 127.0.0.1  --port 4566  --latency 0ms  --stream-interval 10ms
 * --access-key AKIAFMGATEWAYEMULATOR  --secret-key …
 * --sagemaker-endpoint name=kind   (repeatable; replaces the default endpoints)
 * </pre>
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorSettings settings;
        try {
            settings = parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: EmulatorMain [--host H] [--port P] [--latency 0ms] [--stream-interval 10ms] "
                    + "[--access-key K] [--secret-key S] [--sagemaker-endpoint name=tgi|djl|jumpstart-text|alexatm|sam|sam-one-shot]...");
            System.exit(2);
            return;
        }
        EmulatorServer server = EmulatorServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("Bedrock/SageMaker emulator listening on " + server.endpoint());
        System.out.println("  access key: " + settings.accessKeyId());
        System.out.println("  secret key: " + settings.secretKey());
        System.out.println("  SageMaker endpoints: " + settings.sagemakerEndpoints());
        stopped.await();
    }

    static EmulatorSettings parse(String[] args) {
        EmulatorSettings settings = EmulatorSettings.defaults().withPort(4566);
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            settings = switch (name) {
                case "--host" -> new EmulatorSettings(value, settings.port(), settings.accessKeyId(), settings.secretKey(),
                        settings.latency(), settings.streamInterval(), settings.sagemakerEndpoints());
                case "--port" -> settings.withPort(Integer.parseInt(value));
                case "--latency" -> settings.withLatency(duration(value));
                case "--stream-interval" -> settings.withStreamInterval(duration(value));
                case "--access-key" -> new EmulatorSettings(settings.host(), settings.port(), value, settings.secretKey(),
                        settings.latency(), settings.streamInterval(), settings.sagemakerEndpoints());
                case "--secret-key" -> new EmulatorSettings(settings.host(), settings.port(), settings.accessKeyId(), value,
                        settings.latency(), settings.streamInterval(), settings.sagemakerEndpoints());
                case "--sagemaker-endpoint" -> {
                    int eq = value.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--sagemaker-endpoint expects name=kind, got " + value);
                    }
                    endpoints.put(value.substring(0, eq), value.substring(eq + 1));
                    yield settings;
                }
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        return endpoints.isEmpty() ? settings : settings.withSagemakerEndpoints(endpoints);
    }

    /** {@code 250ms}, {@code 2s}, {@code 1m} or ISO-8601 ({@code PT0.5S}). */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(value));
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
    }
}
