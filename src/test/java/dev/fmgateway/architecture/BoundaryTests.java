package dev.fmgateway.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the house, checked on the compiled main classes: the invocation core and the problem table
 * know nothing of HTTP, AWS or the API's schema, the catalog's routing types know nothing of HTTP or the schema
 * (its controller and API views do), resilience and routing know no provider, the compatible surfaces reach models
 * only through the core, and the gateway never depends on the emulator (which the packaged jar does not carry).
 */
class BoundaryTests {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.fmgateway");

    @Test
    void theCoreNeverImportsWebOrProviderCode() {
        noClasses().that()
            .resideInAnyPackage("dev.fmgateway.invocation..", "dev.fmgateway.problem..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.fmgateway.web..", "dev.fmgateway.provider..", "org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..", "software.amazon..")
            .check(GATEWAY);
    }

    @Test
    void theCoreCarriesNoApiSchema() {
        noClasses().that()
            .resideInAnyPackage("dev.fmgateway.invocation..", "dev.fmgateway.problem..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.swagger..")
            .check(GATEWAY);
    }

    @Test
    void theCatalogKeepsItsApiViewsBesideItsController() {
        noClasses().that()
            .resideInAPackage("dev.fmgateway.catalog..")
            .and(not(controllerOrView()))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.swagger..", "org.springframework.web..")
            .check(GATEWAY);
    }

    /** The catalog's controller or one of its API views ({@code ...View}), with the types nested in them. */
    private static DescribedPredicate<JavaClass> controllerOrView() {
        return DescribedPredicate.describe("the controller or an API view", javaClass -> {
            String topLevel = javaClass.getName().replaceFirst("\\$.*", "");
            return topLevel.endsWith(".CatalogController") || topLevel.endsWith("View");
        });
    }

    @Test
    void resilienceAndRoutingNeverImportProviderCode() {
        noClasses().that()
            .resideInAnyPackage("dev.fmgateway.resilience..", "dev.fmgateway.region..", "dev.fmgateway.metering..",
                    "dev.fmgateway.usage..", "dev.fmgateway.security..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.fmgateway.provider..")
            .check(GATEWAY);
    }

    @Test
    void compatibleSurfacesNeverImportProviderCode() {
        noClasses().that()
            .resideInAnyPackage("dev.fmgateway.openai..", "dev.fmgateway.awsnative..", "dev.fmgateway.anthropic..",
                    "dev.fmgateway.text..", "dev.fmgateway.image..", "dev.fmgateway.embedding..",
                    "dev.fmgateway.segmentation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.fmgateway.provider..")
            .check(GATEWAY);
    }

    @Test
    void theGatewayNeverImportsTheEmulator() {
        noClasses().that()
            .resideOutsideOfPackage("dev.fmgateway.emulator..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.fmgateway.emulator..")
            .check(GATEWAY);
    }
}
