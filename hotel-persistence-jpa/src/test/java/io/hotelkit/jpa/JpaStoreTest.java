package io.hotelkit.jpa;

import static io.hotelkit.jpa.Fixtures.property;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.inventory.Property;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaStoreTest {

    @Test
    void an_h2_file_database_keeps_its_data_when_opened_again(@TempDir Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("hotel").toAbsolutePath();
        Property property = property();

        try (JpaStore store = JpaStore.open(url, "sa", "")) {
            store.properties().save(property);
        }
        try (JpaStore store = JpaStore.open(url, "sa", "")) {
            assertThat(store.properties().findBy(property.id())).isPresent();
            assertThat(store.isAvailable()).isTrue();
        }
    }

    @Test
    void a_store_needs_a_postgresql_or_h2_url() {
        assertThatThrownBy(() -> JpaStore.builder().open())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("url");
        assertThatThrownBy(() -> JpaStore.open("jdbc:mysql://localhost/hotel", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://localhost/hotel");
    }

    @Test
    void settings_out_of_range_are_refused_naming_the_setting() {
        assertThatThrownBy(() -> JpaStore.builder().maximumPoolSize(0)).hasMessageContaining("maximum pool size");
        assertThatThrownBy(() -> JpaStore.builder().connectionTimeout(Duration.ofMillis(10))).hasMessageContaining("connection timeout");
        assertThatThrownBy(() -> JpaStore.builder().lockTimeout(Duration.ZERO)).hasMessageContaining("lock timeout");
    }
}
