package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.TestDatabase;

class JpaPostgresReservationsIT extends JpaReservationsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
