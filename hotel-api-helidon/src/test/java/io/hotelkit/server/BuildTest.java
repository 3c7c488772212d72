package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the build promises that no other test would notice until it went wrong. */
class BuildTest {

    /** Hibernate Validator 9 interpolates messages with EL 6; Helidon's BOM pinned EL 5 (a 500 for percent 0). */
    @Test
    void the_validator_finds_the_expression_language_it_was_built_for() throws ClassNotFoundException {
        assertThat(Class.forName("jakarta.el.RecordELResolver")).isNotNull();
    }

    /** {@code install -DskipTests} ran every {@code *IT}: failsafe reads skipITs, not skipTests. */
    @Test
    void skipping_the_tests_skips_the_integration_tests_too() throws IOException {
        String parent = Files.readString(Path.of("..", "pom.xml"));

        assertThat(parent).contains("<skipITs>${skipTests}</skipITs>").contains("<skipTests>false</skipTests>");
    }
}
