package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class HotelScenarioTest extends HotelScenarios {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.h2();

    @Override
    FreshDatabase db() {
        return db;
    }
}
