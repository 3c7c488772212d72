package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class RepositoriesTest extends RepositoriesContract {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.h2();

    @Override
    JpaStore store() {
        return db.store();
    }
}
