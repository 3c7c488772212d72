package io.hotelkit.jpa;

import io.hotelkit.Storage;
import io.hotelkit.contract.StorageContract;
import io.hotelkit.jpa.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** hotel-core's storage contract, unchanged, on a fresh database for each test. */
abstract class JpaStorageContract extends StorageContract {

    private TestDatabase database;
    private JpaStore store;

    abstract TestDatabase newDatabase();

    @Override
    protected Storage newStorage() {
        database = newDatabase();
        store = database.storeBuilder().clock(clock).open();
        return store;
    }

    @AfterEach
    void dropDatabase() {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
