package dev.fmgateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import dev.fmgateway.FmGatewayApplication;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.IntegrationTest;
import dev.fmgateway.support.Sse;

/**
 * Two gateway replicas (two application contexts in this JVM, each with its own HTTP port, emulator and ledger
 * journal, sharing the CI's Redis and one H2 ledger database) under one limits file: limits and budgets hold in
 * total across both, streamed output counts against tokens per minute, and a changed file applies without restart.
 */
@IntegrationTest
class LimitsAcrossReplicasTests {

    static Path dir;

    static Path file;

    static final AtomicLong edits = new AtomicLong();

    static ConfigurableApplicationContext one;

    static ConfigurableApplicationContext two;

    static GatewayHttp httpOne;

    static GatewayHttp httpTwo;

    @BeforeAll
    static void startReplicas() throws Exception {
        String url = TestRedis.url();
        dir = Files.createTempDirectory("fmgw-limits-replicas");
        file = dir.resolve("limits.yaml");
        Files.writeString(file, "");
        String prefix = TestRedis.prefix();
        one = replica("one", url, prefix);
        two = replica("two", url, prefix);
        httpOne = new GatewayHttp(port(one));
        httpTwo = new GatewayHttp(port(two));
        TestRedis.awaitConnected(one.getBean(Limiter.class).redis());
        TestRedis.awaitConnected(two.getBean(Limiter.class).redis());
    }

    static ConfigurableApplicationContext replica(String name, String redisUrl, String prefix) {
        // as command-line arguments, which outrank ./config/application.yaml
        return new SpringApplicationBuilder(FmGatewayApplication.class).run("--server.port=0",
                "--management.server.port=0", "--gateway.limits.file=" + file,
                "--gateway.limits.reload-interval=100ms", "--gateway.limits.redis-url=" + redisUrl,
                "--gateway.limits.key-prefix=" + prefix,
                "--spring.datasource.url=jdbc:h2:mem:limits-replicas;DB_CLOSE_DELAY=-1",
                "--gateway.ledger.journal-directory=" + dir.resolve("journal-" + name));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopReplicas() throws IOException {
        if (one != null) {
            one.close();
        }
        if (two != null) {
            two.close();
        }
    }

    /** Writes the limits file and waits until both replicas apply it. */
    static void limits(String yaml) throws Exception {
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + edits.incrementAndGet() * 1000));
        LimitRules expected = LimitRules.parse(yaml);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!one.getBean(Limiter.class).rules().equals(expected)
                || !two.getBean(Limiter.class).rules().equals(expected)) {
            assertThat(System.nanoTime()).as("both replicas applied the limits").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Per-minute counts start again each minute: start a test early enough in a minute. */
    static void earlyInTheMinute() throws InterruptedException {
        int second = LocalTime.now(ZoneOffset.UTC).getSecond();
        if (second > 40) {
            Thread.sleep((61 - second) * 1000L);
        }
    }

    static GatewayHttp.Response generate(GatewayHttp http, String model, int maxTokens) {
        return http.post("/v1/text/generations",
                "{\"model\":\"%s\",\"prompt\":\"Describe the moon in a few words\",\"maxTokens\":%d}".formatted(model,
                        maxTokens));
    }

    static JsonNode limitOf(GatewayHttp http, String scope, String id) {
        GatewayHttp.Response usage = http.get("/v1/usage");
        assertThat(usage.status()).as(usage.body()).isEqualTo(200);
        for (JsonNode limit : usage.json().path("limits")) {
            if (limit.path("scope").asString().equals(scope) && limit.path("id").asString().equals(id)) {
                return limit;
            }
        }
        throw new AssertionError("No limit " + scope + " " + id + " in " + usage.body());
    }

    @Test
    void requestsPerMinuteHoldInTotalAcrossBothReplicas() throws Exception {
        limits("models:\n  titan-text-express: { requests-per-minute: 6 }\n");
        earlyInTheMinute();

        List<GatewayHttp.Response> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(generate(i % 2 == 0 ? httpOne : httpTwo, "titan-text-express", 10));
        }

        assertThat(answers.subList(0, 6)).allSatisfy(ok -> {
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("6");
        });
        assertThat(answers.subList(0, 6)).extracting(ok -> ok.header("RateLimit-Remaining"))
            .containsExactly("5", "4", "3", "2", "1", "0");
        assertThat(answers.subList(6, 10)).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().path("code").asString()).isEqualTo("RATE_LIMITED");
            assertThat(refused.json().path("limitScope").asString()).isEqualTo("model");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        });
        // the OpenAI surface refuses in OpenAI's shape
        GatewayHttp.Response openAi = httpTwo.post("/openai/v1/chat/completions",
                "{\"model\":\"titan-text-express\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        assertThat(openAi.status()).isEqualTo(429);
        assertThat(openAi.json().path("error").path("type").asString()).isEqualTo("rate_limit_error");
        assertThat(openAi.json().path("error").path("code").asString()).isEqualTo("rate_limited");
        assertThat(openAi.header("Retry-After")).isNotNull();
    }

    @Test
    void tokensPerMinuteCountStreamedOutput() throws Exception {
        limits("models:\n  llama-3-3-70b: { tokens-per-minute: 100000 }\n");
        earlyInTheMinute();

        GatewayHttp.Response stream = httpOne.post("/v1/text/generations",
                "{\"model\":\"llama-3-3-70b\",\"prompt\":\"Count the stars in the night sky\",\"maxTokens\":60,"
                        + "\"stream\":true}");

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("RateLimit-Limit")).isEqualTo("100000");
        JsonNode done = Sse.parse(stream.body()).getLast().data();
        long input = done.path("usage").path("inputTokens").asLong();
        long output = done.path("usage").path("outputTokens").asLong();
        assertThat(output).isPositive();
        // the other replica sees the real input plus the streamed output counted
        assertThat(limitOf(httpTwo, "model", "llama-3-3-70b").path("tokensRemaining").asLong())
            .isEqualTo(100000 - input - output);
    }

    @Test
    void aBudgetStopsSpendAcrossBothReplicasWithinOneCallEach() throws Exception {
        String model = "claude-haiku-4-5";
        limits("models:\n  %s: { budget: { usd: 100, per: day } }\n".formatted(model));
        GatewayHttp.Response first = generate(httpOne, model, 20);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        BigDecimal cost = new BigDecimal(first.header("X-Gateway-Cost-USD"));
        assertThat(cost).isPositive();
        BigDecimal spent = new BigDecimal("100")
            .subtract(limitOf(httpTwo, "model", model).path("budgetRemainingUsd").decimalValue());
        // room for three and a half calls more
        BigDecimal room = cost.multiply(new BigDecimal("3.5"));
        BigDecimal budget = spent.add(room);
        limits("models:\n  %s: { budget: { usd: %s, per: day } }\n".formatted(model, budget.toPlainString()));

        List<Callable<GatewayHttp.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            GatewayHttp http = i % 2 == 0 ? httpOne : httpTwo;
            calls.add(() -> generate(http, model, 20));
        }
        BigDecimal charged = BigDecimal.ZERO;
        int ok = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (Future<GatewayHttp.Response> answer : pool.invokeAll(calls)) {
                GatewayHttp.Response response = answer.get();
                if (response.status() == 200) {
                    ok++;
                    charged = charged.add(new BigDecimal(response.header("X-Gateway-Cost-USD")));
                }
                else {
                    assertThat(response.status()).as(response.body()).isEqualTo(429);
                    assertThat(response.json().path("code").asString()).isEqualTo("BUDGET_EXCEEDED");
                    assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 86_401L);
                }
            }
        }
        assertThat(ok).isBetween(1, 5);
        // never more than one call per replica beyond the budget
        assertThat(charged).isLessThanOrEqualTo(room.add(cost.multiply(BigDecimal.TWO)));
        assertThat(limitOf(httpOne, "model", model).path("budgetRemainingUsd").decimalValue())
            .isEqualByComparingTo(room.subtract(charged).max(BigDecimal.ZERO));
        // what is left (less than one call) admits one call more at most, then the budget refuses
        GatewayHttp.Response after = generate(httpTwo, model, 20);
        if (after.status() == 200) {
            after = generate(httpOne, model, 20);
        }
        assertThat(after.status()).isEqualTo(429);
    }

    @Test
    void aChangedLimitsFileAppliesWithoutRestart() throws Exception {
        limits("models:\n  titan-text-premier: { requests-per-minute: 1 }\n");
        earlyInTheMinute();
        assertThat(generate(httpOne, "titan-text-premier", 10).status()).isEqualTo(200);
        assertThat(generate(httpTwo, "titan-text-premier", 10).status()).isEqualTo(429);

        limits("models:\n  titan-text-premier: { requests-per-minute: 1000 }\n");

        GatewayHttp.Response raised = generate(httpTwo, "titan-text-premier", 10);
        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.header("RateLimit-Limit")).isEqualTo("1000");
        assertThat(raised.header("RateLimit-Remaining")).isEqualTo("998");

        limits("");
        GatewayHttp.Response unlimited = generate(httpOne, "titan-text-premier", 10);
        assertThat(unlimited.status()).isEqualTo(200);
        assertThat(unlimited.header("RateLimit-Limit")).isNull();
    }
}
