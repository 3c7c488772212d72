package io.hotelkit.server;

import io.hotelkit.jpa.JpaStore;
import java.time.Clock;

/** The configured database, where the server keeps its hotel, API keys and idempotency records. */
final class Store implements AutoCloseable {

    private final JpaStore store;
    private final String kind;

    private Store(JpaStore store, String kind) {
        this.store = store;
        this.kind = kind;
    }

    /**
     * Opens the database of {@code config} and migrates it to this version.
     *
     * @throws io.hotelkit.shared.StoreUnavailableException if it cannot be reached
     */
    static Store open(ServerConfig config, Clock clock) {
        JpaStore store = JpaStore.builder()
                .url(config.dbUrl())
                .user(config.dbUser().isEmpty() ? null : config.dbUser())
                .password(config.dbPassword().isEmpty() ? null : config.dbPassword())
                .clock(clock)
                .open();
        return new Store(store, config.dbUrl().startsWith("jdbc:postgresql:") ? "postgresql" : "h2");
    }

    JpaStore storage() {
        return store;
    }

    /** {@code h2} or {@code postgresql}, for the health check. */
    String kind() {
        return kind;
    }

    boolean isAvailable() {
        return store.isAvailable();
    }

    @Override
    public void close() {
        store.close();
    }
}
