package io.hotelkit.server;

import io.hotelkit.Storage;
import io.hotelkit.memory.MemoryStorage;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** Where the server keeps its hotel, API keys and idempotency records, and whether that answers now. */
final class Store implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Store.class.getName());

    private final Storage storage;
    private final String kind;
    private final BooleanSupplier available;
    private final AutoCloseable closer;

    private Store(Storage storage, String kind, BooleanSupplier available, AutoCloseable closer) {
        this.storage = storage;
        this.kind = kind;
        this.available = available;
        this.closer = closer;
    }

    /** The configured database. */
    static Store open(ServerConfig config, Clock clock) {
        LOG.log(Level.WARNING, "the JPA adapter does not keep every aggregate yet: this server keeps its data in"
                + " memory, and loses it when it stops");
        return new Store(new MemoryStorage(clock), "memory", () -> true, () -> {});
    }

    Storage storage() {
        return storage;
    }

    /** {@code h2}, {@code postgresql} or {@code memory}, for the health check. */
    String kind() {
        return kind;
    }

    boolean isAvailable() {
        return available.getAsBoolean();
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
