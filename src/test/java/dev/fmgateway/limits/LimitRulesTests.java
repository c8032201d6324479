package dev.fmgateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.fmgateway.invocation.Caller;

class LimitRulesTests {

    static final String FILE = """
            keys:
              alice: { requests-per-minute: 60, tokens-per-minute: 40000, concurrent: 4, budget: { usd: 5.25, per: day } }
            teams:
              research: { budget: { usd: 200, per: month } }
            models:
              claude-haiku-4-5: { requests-per-minute: 600 }
            key-models:
              alice:
                claude-haiku-4-5: { tokens-per-minute: 10000 }
            """;

    @Test
    void parsesEverySectionAndField() {
        LimitRules rules = LimitRules.parse(FILE);

        assertThat(rules.limits()).hasSize(4);
        Limit alice = rules.limits().get(new Scope(Scope.Kind.KEY, "alice"));
        assertThat(alice).isEqualTo(new Limit(60L, 40000L, 4L,
                new Limit.Budget(new BigDecimal("5.25"), Limit.BudgetPeriod.DAY)));
        assertThat(alice.budget().nanos()).isEqualTo(5_250_000_000L);
        assertThat(rules.limits().get(new Scope(Scope.Kind.TEAM, "research")).budget().period())
            .isEqualTo(Limit.BudgetPeriod.MONTH);
        assertThat(rules.limits().get(new Scope(Scope.Kind.KEY_MODEL, "alice/claude-haiku-4-5")).tokensPerMinute())
            .isEqualTo(10000L);
    }

    @Test
    void aCallIsHeldToEveryScopeThatNamesIt() {
        LimitRules rules = LimitRules.parse(FILE);
        Caller alice = new Caller("alice", "research", false, Set.of());

        assertThat(rules.forCall(alice, "claude-haiku-4-5")).extracting(l -> l.scope().toString())
            .containsExactly("key-model alice/claude-haiku-4-5", "key alice", "model claude-haiku-4-5",
                    "team research");
        assertThat(rules.forCall(new Caller("bob", null, false, null), "llama-3-3-70b")).isEmpty();
        assertThat(rules.forCall(new Caller("bob", "research", false, null), "llama-3-3-70b"))
            .extracting(l -> l.scope().toString()).containsExactly("team research");
    }

    @Test
    void anEmptyFileHasNoLimits() {
        assertThat(LimitRules.parse("# nothing yet\n").isEmpty()).isTrue();
        assertThat(LimitRules.parse("keys:\n").isEmpty()).isTrue();
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatIllegalArgumentException().isThrownBy(() -> LimitRules.parse("users:\n  a: {}\n"))
            .withMessageContaining("Unknown section 'users'");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LimitRules.parse("keys:\n  a: { requests-per-hour: 5 }\n"))
            .withMessageContaining("Unknown field 'requests-per-hour' in keys.a");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LimitRules.parse("keys:\n  a: { requests-per-minute: 0 }\n"))
            .withMessageContaining("keys.a.requests-per-minute must be a whole number of at least 1");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LimitRules.parse("keys:\n  a: { budget: { usd: 5, per: week } }\n"))
            .withMessageContaining("keys.a.budget.per must be day or month");
    }
}
