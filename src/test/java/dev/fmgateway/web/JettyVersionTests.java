package dev.fmgateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.Test;

/**
 * The Jetty on the classpath is past the chunked-body request-smuggling flaw of 12.1.10 and earlier (fixed in
 * 12.1.12). Spring Boot pins 12.1.10; the build overrides {@code jetty.version}.
 */
class JettyVersionTests {

    @Test
    void jettyIsAtLeast12_1_12() {
        assertThat(compare(Jetty.VERSION, "12.1.12")).as("Jetty " + Jetty.VERSION).isGreaterThanOrEqualTo(0);
    }

    static int compare(String version, String floor) {
        int[] a = numbers(version);
        int[] b = numbers(floor);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.replaceFirst("[^0-9.].*$", "").split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
