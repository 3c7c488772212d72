package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class InventoryH2ContractTest extends InventoryContract {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.h2();

    @Override
    FreshDatabase db() {
        return db;
    }

    @Override
    int steps() {
        return 150;
    }
}
