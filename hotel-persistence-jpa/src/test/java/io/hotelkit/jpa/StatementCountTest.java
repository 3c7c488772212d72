package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatementCountTest extends StatementCounts {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.h2();

    @Override
    FreshDatabase db() {
        return db;
    }

    @Override
    boolean postgres() {
        return false;
    }
}
