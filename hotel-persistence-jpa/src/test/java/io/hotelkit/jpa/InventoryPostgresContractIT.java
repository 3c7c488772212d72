package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class InventoryPostgresContractIT extends InventoryContract {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.postgres();

    @Override
    FreshDatabase db() {
        return db;
    }

    @Override
    int steps() {
        return 100;
    }
}
