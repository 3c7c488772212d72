package io.hotelkit.jpa;

import io.hotelkit.Storage;
import io.hotelkit.contract.ReservationsContract;
import io.hotelkit.jpa.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * hotel-core's reservations contract on a fresh database for each test; a second instance is a second
 * store over the same database, with its own engine, as a second server would have.
 */
abstract class JpaReservationsContract extends ReservationsContract {

    private TestDatabase database;
    private final List<JpaStore> stores = new ArrayList<>();

    abstract TestDatabase newDatabase();

    @Override
    protected Storage newStorage() {
        database = newDatabase();
        JpaStore store = database.storeBuilder().clock(clock).open();
        stores.add(store);
        return store;
    }

    @Override
    protected Storage secondInstance(Storage first) {
        JpaStore store = database.storeBuilder().clock(clock).open();
        stores.add(store);
        return store;
    }

    @Override
    protected boolean guardsInventoryItself() {
        return true;
    }

    @AfterEach
    void dropDatabase() {
        try {
            stores.forEach(JpaStore::close);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
