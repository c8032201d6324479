package dev.fmgateway.limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;

/**
 * The counters in Redis, shared by every replica. Each admission is one Lua script that checks every limit of the
 * call and counts it against all of them, or against none (atomic: no other call runs in between). Concurrency
 * slots and budget reservations are leases that expire, so a replica that dies holding them frees them after its
 * lease. Budget windows start from the ledger's spend when Redis has no counter for them yet. Commands time out
 * after {@code timeout} and fail at once while disconnected, so a Redis outage never holds a call up.
 */
class RedisLimitStore implements LimitStore, AutoCloseable {

    private static final String ADMIT = script("admit.lua");

    private static final String SETTLE = script("settle.lua");

    private static final String PEEK = script("peek.lua");

    private final RedisClient client;

    private final String prefix;

    private final SpendHistory history;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final java.util.concurrent.atomic.AtomicBoolean connecting = new java.util.concurrent.atomic.AtomicBoolean();

    private volatile @Nullable StatefulRedisConnection<String, String> connection;

    private volatile @Nullable String connectError;

    RedisLimitStore(String url, Duration timeout, String prefix, SpendHistory history) {
        RedisURI uri = RedisURI.create(url);
        // The first connection is made in the background and may take its time (a cold client); commands keep
        // their short timeout.
        uri.setTimeout(CONNECT_TIMEOUT);
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
        this.prefix = prefix;
        this.history = history;
        connectInBackground();
    }

    /** True once the first connection is made (Lettuce reconnects it on its own after that). */
    boolean connected() {
        return this.connection != null;
    }

    /** Opens the connection off the calling thread, once at a time; calls meanwhile follow the Redis-down policy. */
    private void connectInBackground() {
        if (!this.connecting.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("limits-redis-connect").start(() -> {
            try {
                this.connection = this.client.connect();
            }
            catch (RuntimeException ex) {
                this.connectError = ex.getMessage();
            }
            finally {
                this.connecting.set(false);
            }
        });
    }

    @Override
    public Decision admit(Admission admission) {
        List<Object> answer = run(ADMIT, admitArgs(admission));
        if (((Long) answer.get(0)) == -1L) {
            seed(admission.limits().get(((Long) answer.get(1)).intValue()), admission.at());
            answer = run(ADMIT, admitArgs(admission));
        }
        long status = (Long) answer.get(0);
        if (status == 1L) {
            return new Decision.Admitted(remaining(admission.limits(), answer, 1));
        }
        if (status == -1L) {
            throw new UnavailableException("Budget counter could not be started", null);
        }
        LimitRules.ScopedLimit scoped = admission.limits().get(((Long) answer.get(1)).intValue());
        Decision.Kind kind = Decision.Kind.valueOf(String.valueOf(answer.get(2)).toUpperCase(java.util.Locale.ROOT));
        long retry = (Long) answer.get(4);
        if (kind == Decision.Kind.BUDGET) {
            retry = admission.window(scoped.limit().budget()).secondsLeft(admission.at());
        }
        return new Decision.Refused(scoped.scope(), kind, (Long) answer.get(3), retry);
    }

    @Override
    public void settle(Admission admission, long tokens, long costNanos, Instant at) {
        List<String> args = new ArrayList<>(List.of(this.prefix, admission.callId(),
                Long.toString(tokens - admission.inputTokens()), Long.toString(costNanos),
                Integer.toString(admission.limits().size())));
        for (LimitRules.ScopedLimit scoped : admission.limits()) {
            Limit limit = scoped.limit();
            args.add(scoped.scope().counterName());
            args.add(limit.tokensPerMinute() != null ? "1" : "0");
            args.add(limit.concurrent() != null ? "1" : "0");
            args.add(limit.budget() != null ? admission.window(limit.budget()).id() : "");
        }
        run(SETTLE, args);
    }

    @Override
    public List<Decision.Remaining> peek(List<LimitRules.ScopedLimit> limits, Instant at) {
        List<String> args = new ArrayList<>(List.of(this.prefix, Integer.toString(limits.size())));
        scopeArgs(args, limits, at);
        List<Object> answer = run(PEEK, args);
        List<Decision.Remaining> remaining = remaining(limits, answer, 0);
        List<Decision.Remaining> known = new ArrayList<>();
        for (int i = 0; i < remaining.size(); i++) {
            Decision.Remaining left = remaining.get(i);
            if (left.budgetNanos() == -2) {
                Limit.Budget budget = limits.get(i).limit().budget();
                BudgetWindow window = BudgetWindow.of(budget.period(), at);
                long spent = Nanos.of(this.history.spent(left.scope(), window.start(), window.end()));
                left = new Decision.Remaining(left.scope(), left.requests(), left.tokens(), left.concurrent(),
                        Math.max(0, budget.nanos() - spent), left.resetSeconds());
            }
            known.add(left);
        }
        return known;
    }

    /** Checks that Redis answers (for health). */
    String ping() {
        try {
            return commands().ping();
        }
        catch (UnavailableException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new UnavailableException("Redis failed: " + ex.getMessage(), ex);
        }
    }

    private List<String> admitArgs(Admission admission) {
        List<String> args = new ArrayList<>(List.of(this.prefix, admission.callId(),
                Long.toString(admission.inputTokens()), Long.toString(admission.reserveNanos()),
                Long.toString(admission.lease().toMillis()), Integer.toString(admission.limits().size())));
        scopeArgs(args, admission.limits(), admission.at());
        return args;
    }

    private static void scopeArgs(List<String> args, List<LimitRules.ScopedLimit> limits, Instant at) {
        for (LimitRules.ScopedLimit scoped : limits) {
            Limit limit = scoped.limit();
            args.add(scoped.scope().counterName());
            args.add(orNone(limit.requestsPerMinute()));
            args.add(orNone(limit.tokensPerMinute()));
            args.add(orNone(limit.concurrent()));
            if (limit.budget() != null) {
                BudgetWindow window = BudgetWindow.of(limit.budget().period(), at);
                args.add(Long.toString(limit.budget().nanos()));
                args.add(window.id());
                args.add(Long.toString(window.secondsLeft(at) + 86_400));
            }
            else {
                args.add("-1");
                args.add("");
                args.add("0");
            }
        }
    }

    /** Starts a budget window's counter at the ledger's spend, unless another replica did first. */
    private void seed(LimitRules.ScopedLimit scoped, Instant at) {
        Limit.Budget budget = scoped.limit().budget();
        BudgetWindow window = BudgetWindow.of(budget.period(), at);
        long spent = Nanos.of(this.history.spent(scoped.scope(), window.start(), window.end()));
        String key = this.prefix + "b:" + scoped.scope().counterName() + ":" + window.id();
        RedisCommands<String, String> redis = commands();
        try {
            redis.hsetnx(key, "spent", Long.toString(spent));
            redis.expire(key, window.secondsLeft(at) + 86_400);
        }
        catch (RuntimeException ex) {
            throw new UnavailableException("Redis failed: " + ex.getMessage(), ex);
        }
    }

    private static List<Decision.Remaining> remaining(List<LimitRules.ScopedLimit> limits, List<Object> answer,
            int resetAt) {
        long reset = (Long) answer.get(resetAt);
        List<Decision.Remaining> remaining = new ArrayList<>();
        for (int i = 0; i < limits.size(); i++) {
            int at = resetAt + 1 + i * 4;
            remaining.add(new Decision.Remaining(limits.get(i).scope(), (Long) answer.get(at),
                    (Long) answer.get(at + 1), (Long) answer.get(at + 2), (Long) answer.get(at + 3), reset));
        }
        return remaining;
    }

    private List<Object> run(String script, List<String> args) {
        String[] values = args.toArray(String[]::new);
        try {
            RedisCommands<String, String> redis = commands();
            try {
                return redis.evalsha(digest(script), ScriptOutputType.MULTI, new String[0], values);
            }
            catch (RedisNoScriptException missing) {
                return redis.eval(script, ScriptOutputType.MULTI, new String[0], values);
            }
        }
        catch (UnavailableException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new UnavailableException("Redis failed: " + ex.getMessage(), ex);
        }
    }

    private RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> current = this.connection;
        if (current == null) {
            connectInBackground();
            throw new UnavailableException("Redis not connected" + (this.connectError != null
                    ? ": " + this.connectError : " yet"), null);
        }
        return current.sync();
    }

    private static String digest(String script) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String orNone(@Nullable Long value) {
        return value != null ? Long.toString(value) : "-1";
    }

    private static String script(String name) {
        try (InputStream in = RedisLimitStore.class.getResourceAsStream("/limits/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing script /limits/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> current = this.connection;
        if (current != null) {
            current.close();
        }
        this.client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
