import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load for bench/faults.sh: CONCURRENCY clients post BODY to URL (127.0.0.1 only) until TOTAL requests
 * were sent or SECONDS passed, each with its own X-Request-Id (PREFIX-n). Writes the ids answered 2xx to
 * ANSWERED, one per line, and prints one summary line: ok= non2xx= errors= p50_ms= p99_ms= max_ms= statuses=
 * (statuses: each HTTP status answered with its count, e.g. 200:950,429:50). BODY may be any JSON body for any
 * route. Stops early when the gateway has not answered for 3 s (it was killed).
 *
 *   java bench/FaultLoad.java URL BODY CONCURRENCY TOTAL SECONDS PREFIX ANSWERED
 */
public class FaultLoad {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + uri);
        }
        String body = Files.readString(Path.of(args[1]));
        int concurrency = Integer.parseInt(args[2]);
        int total = Integer.parseInt(args[3]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        String prefix = args[5];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicLong non2xx = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong(System.nanoTime());
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                threads.submit(() -> {
                    int n;
                    while (System.nanoTime() < deadline && (n = next.getAndIncrement()) < total) {
                        String id = prefix + "-" + n;
                        long started = System.nanoTime();
                        try {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("X-Request-Id", id)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(), HttpResponse.BodyHandlers.ofString());
                            latencies.add((System.nanoTime() - started) / 1_000_000);
                            lastAnswer.set(System.nanoTime());
                            statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                            if (response.statusCode() / 100 == 2) {
                                answered.add(id);
                            }
                            else {
                                non2xx.incrementAndGet();
                            }
                        }
                        catch (IOException ex) {
                            if (errors.incrementAndGet() == 1) {
                                System.err.println("first error: " + ex);
                            }
                            if (System.nanoTime() - lastAnswer.get() > Duration.ofSeconds(3).toNanos()) {
                                return; // the gateway is gone
                            }
                            sleep(50);
                        }
                        catch (InterruptedException ex) {
                            return;
                        }
                    }
                });
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[6])))) {
            answered.forEach(out::println);
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        StringBuilder byStatus = new StringBuilder();
        new TreeMap<>(statuses).forEach((status, count) ->
                byStatus.append(byStatus.isEmpty() ? "" : ",").append(status).append(':').append(count.get()));
        System.out.printf("ok=%d non2xx=%d errors=%d p50_ms=%d p99_ms=%d max_ms=%d statuses=%s%n", answered.size(),
                non2xx.get(), errors.get(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.getLast(), byStatus.isEmpty() ? "none" : byStatus);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
