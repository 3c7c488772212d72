package io.hotelkit.contract;

import io.hotelkit.Storage;
import io.hotelkit.memory.MemoryStorage;

class MemoryStorageContractTest extends StorageContract {

    @Override
    protected Storage newStorage() {
        return new MemoryStorage(clock);
    }
}
