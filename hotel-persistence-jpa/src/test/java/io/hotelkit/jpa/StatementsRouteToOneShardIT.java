package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatementsRouteToOneShardIT extends StatementsRouteToOneShard {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.postgres().opening(d -> d.storeBuilder().wrapDataSource(COUNTER::wrap).open());

    @Override
    FreshDatabase db() {
        return db;
    }
}
