package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatementsRouteToOneShardTest extends StatementsRouteToOneShard {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.h2().opening(d -> d.storeBuilder().wrapDataSource(COUNTER::wrap).open());

    @Override
    FreshDatabase db() {
        return db;
    }
}
