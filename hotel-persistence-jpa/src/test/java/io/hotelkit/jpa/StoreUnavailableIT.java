package io.hotelkit.jpa;

import static io.hotelkit.jpa.Fixtures.property;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.inventory.Property;
import io.hotelkit.jpa.testing.FreshDatabase;
import io.hotelkit.jpa.testing.LoopbackProxy;
import io.hotelkit.shared.StoreUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StoreUnavailableIT {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.postgres();

    @Test
    void opening_a_store_where_no_database_answers_fails_as_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> JpaStore.builder()
                        .url("jdbc:postgresql://127.0.0.1:" + closedPort + "/hotel")
                        .user("hotel")
                        .connectionTimeout(Duration.ofSeconds(1))
                        .open())
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void a_transaction_whose_database_goes_away_fails_as_unavailable_and_so_do_later_ones() {
        Property property = property();
        LoopbackProxy proxy = LoopbackProxy.to(db.database());
        try (JpaStore store = JpaStore.builder().url(proxy.url()).connectionTimeout(Duration.ofSeconds(1)).open()) {
            store.properties().save(property);
            assertThat(store.isAvailable()).isTrue();

            assertThatThrownBy(() -> store.transactions().run(() -> {
                store.properties().findBy(property.id());
                proxy.close();
                store.properties().findByCode(property.code());
            })).isInstanceOf(StoreUnavailableException.class);

            assertThatThrownBy(() -> store.properties().findBy(property.id())).isInstanceOf(StoreUnavailableException.class);
            assertThat(store.isAvailable()).isFalse();
        } finally {
            proxy.close();
        }
        assertThat(db.store().properties().findBy(property.id())).isPresent();
    }
}
