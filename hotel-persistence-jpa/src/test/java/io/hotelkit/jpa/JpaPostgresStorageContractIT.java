package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.TestDatabase;

class JpaPostgresStorageContractIT extends JpaStorageContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
