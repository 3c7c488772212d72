package io.hotelkit.jpa;

import io.hotelkit.jpa.testing.TestDatabase;

class JpaH2StorageContractTest extends JpaStorageContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
