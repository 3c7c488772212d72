package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutboxIT extends OutboxContract {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.postgres();

    @Override
    JpaStore store() {
        return db.store();
    }
}
