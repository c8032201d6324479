package dev.fmgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.fmgateway.GatewayModeConfiguration;
import dev.fmgateway.catalog.CatalogProperties;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.Caller;

/** Key configuration: start-up rules, hashing and allow-lists resolved against the catalog. */
class ApiKeysTests {

    // printf %s key-alpha-secret | sha256sum
    static final String ALPHA_SHA256 = "6978881aaea3d840f692dcb965dccaad93fd5296de80e0645da4813bd4ea183d";

    final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                ValidationAutoConfiguration.class))
        .withUserConfiguration(KeysConfiguration.class, GatewayModeConfiguration.class)
        .withPropertyValues("gateway.catalog.models.titan.name=Titan", "gateway.catalog.models.titan.vendor=Amazon",
                "gateway.catalog.models.titan.backend=BEDROCK", "gateway.catalog.models.titan.family=titan-text",
                "gateway.catalog.models.titan.upstream-id=amazon.titan-text-express-v1",
                "gateway.catalog.models.titan.capabilities=TEXT_GENERATION",
                "gateway.catalog.models.titan.regions=us-east-1");

    @Test
    void awsModeWithoutKeysRefusesToStartUnlessAnonymousIsAllowed() {
        this.runner.withPropertyValues("gateway.mode=aws")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("gateway.security.allow-anonymous=true"));
        this.runner.withPropertyValues("gateway.mode=aws", "gateway.security.allow-anonymous=true")
            .run(context -> assertThat(context).hasNotFailed());
        this.runner.withPropertyValues("gateway.mode=emulator").run(context -> {
            ApiKeys keys = context.getBean(ApiKeys.class);
            assertThat(keys.required()).isFalse();
            assertThat(keys.anonymous().admin()).isTrue();
        });
    }

    @Test
    void authenticatesByHashAndResolvesAllowListAliasesToCatalogIds() {
        this.runner
            .withPropertyValues("gateway.mode=aws", "gateway.security.keys[0].name=alpha",
                    "gateway.security.keys[0].team=search",
                    "gateway.security.keys[0].sha256=" + ALPHA_SHA256.toUpperCase(),
                    "gateway.security.keys[0].allowed-models=amazon.titan-text-express-v1")
            .run(context -> {
                ApiKeys keys = context.getBean(ApiKeys.class);
                Caller caller = keys.authenticate("key-alpha-secret");
                assertThat(keys.required()).isTrue();
                assertThat(caller).isEqualTo(new Caller("alpha", "search", false, java.util.Set.of("titan")));
                assertThat(keys.authenticate("key-alpha-secreT")).isNull();
                assertThat(keys.anonymous().admin()).isFalse();
            });
    }

    @Test
    void badKeyConfigurationDoesNotStart() {
        this.runner.withPropertyValues("gateway.security.keys[0].name=alpha", "gateway.security.keys[0].sha256=abc")
            .run(context -> assertThat(context).hasFailed());
        this.runner
            .withPropertyValues("gateway.security.keys[0].name=alpha",
                    "gateway.security.keys[0].sha256=" + ALPHA_SHA256,
                    "gateway.security.keys[0].allowed-models=gpt-4")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("'gpt-4' is not in the catalog"));
        this.runner
            .withPropertyValues("gateway.security.keys[0].name=alpha",
                    "gateway.security.keys[0].sha256=" + ALPHA_SHA256, "gateway.security.keys[1].name=alpha",
                    "gateway.security.keys[1].sha256=" + ALPHA_SHA256)
            .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void anonymousCallerWithKeysConfiguredMayCallOnlyTheAnonymousAllowList() {
        String[] keys = { "gateway.security.allow-anonymous=true", "gateway.security.keys[0].name=alpha",
                "gateway.security.keys[0].sha256=" + ALPHA_SHA256 };
        this.runner.withPropertyValues(keys).run(context -> {
            Caller anonymous = context.getBean(ApiKeys.class).anonymous();
            assertThat(anonymous.admin()).isFalse();
            assertThat(anonymous.mayUse("titan")).as("no anonymous allow-list: no model").isFalse();
        });
        this.runner.withPropertyValues(keys)
            .withPropertyValues("gateway.security.anonymous.allowed-models=amazon.titan-text-express-v1")
            .run(context -> assertThat(context.getBean(ApiKeys.class).anonymous().mayUse("titan")).isTrue());
        // no keys at all (the emulator's open mode): the anonymous caller is admin and may call everything
        this.runner.run(context -> {
            Caller anonymous = context.getBean(ApiKeys.class).anonymous();
            assertThat(anonymous.admin()).isTrue();
            assertThat(anonymous.mayUse("titan")).isTrue();
        });
    }

    @Test
    void aKeyNamedAnonymousDoesNotStart() {
        for (String name : new String[] { "anonymous", "Anonymous" }) {
            this.runner
                .withPropertyValues("gateway.security.keys[0].name=" + name,
                        "gateway.security.keys[0].sha256=" + ALPHA_SHA256)
                .run(context -> assertThat(context).hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("anonymous"));
        }
    }

    @Test
    void keyNamesAndTeamsLongerThanTheLedgerColumnsDoNotStart() {
        String tooLong = "k".repeat(201);
        this.runner
            .withPropertyValues("gateway.security.keys[0].name=" + tooLong,
                    "gateway.security.keys[0].sha256=" + ALPHA_SHA256)
            .run(context -> assertThat(context).hasFailed());
        this.runner
            .withPropertyValues("gateway.security.keys[0].name=alpha", "gateway.security.keys[0].team=" + tooLong,
                    "gateway.security.keys[0].sha256=" + ALPHA_SHA256)
            .run(context -> assertThat(context).hasFailed());
        this.runner
            .withPropertyValues("gateway.security.keys[0].name=" + "k".repeat(200),
                    "gateway.security.keys[0].team=" + "t".repeat(200), "gateway.security.keys[0].sha256=" + ALPHA_SHA256)
            .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theDocumentedExampleHashOfPasswordDoesNotStart() {
        this.runner
            .withPropertyValues("gateway.security.keys[0].name=alpha",
                    "gateway.security.keys[0].sha256=5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("openssl rand"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ SecurityProperties.class, CatalogProperties.class })
    @Import({ ApiKeys.class, ModelCatalog.class })
    static class KeysConfiguration {

    }
}
