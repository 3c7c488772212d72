package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.TestDatabase;

class JpaH2ReservationsTest extends JpaReservationsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
