package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutboxTest extends OutboxContract {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.h2();

    @Override
    JpaStore store() {
        return db.store();
    }
}
