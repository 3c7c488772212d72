package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;

class V8MigrationIT extends V8Migration {

    private final TestDatabase database = TestDatabase.postgres();

    @Override
    TestDatabase database() {
        return database;
    }

    @Override
    Vendor vendor() {
        return Vendor.POSTGRESQL;
    }

    @AfterEach
    void drop() {
        database.close();
    }
}
