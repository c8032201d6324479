package dev.fmgateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fmgateway.support.GatewayIntegrationTest;

/** The README's catalog table lists exactly the models of the shipped catalog, with their upstream ids. */
class ReadmeCatalogTableTests extends GatewayIntegrationTest {

    @Autowired
    ModelCatalog catalog;

    @Test
    void everyCatalogModelHasARowWithItsUpstreamId() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        long rows = readme.lines().filter(line -> line.matches("\\| `[a-z0-9-]+` \\|.*")).count();

        assertThat(rows).isEqualTo(this.catalog.all().size());
        for (CatalogModel model : this.catalog.all()) {
            assertThat(readme).as(model.id())
                .containsPattern("\\| `" + java.util.regex.Pattern.quote(model.id()) + "` \\|[^\\n]*`"
                        + java.util.regex.Pattern.quote(model.upstreamId()) + "`");
        }
    }
}
