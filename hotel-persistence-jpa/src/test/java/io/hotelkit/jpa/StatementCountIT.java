package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatementCountIT extends StatementCounts {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.postgres();

    @Override
    FreshDatabase db() {
        return db;
    }

    @Override
    boolean postgres() {
        return true;
    }
}
