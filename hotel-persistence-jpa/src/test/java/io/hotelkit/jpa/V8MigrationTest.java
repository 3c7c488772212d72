package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;

class V8MigrationTest extends V8Migration {

    private final TestDatabase database = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return database;
    }

    @Override
    Vendor vendor() {
        return Vendor.H2;
    }

    @AfterEach
    void drop() {
        database.close();
    }
}
