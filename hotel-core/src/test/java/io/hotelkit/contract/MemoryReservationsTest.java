package io.hotelkit.contract;

import io.hotelkit.Storage;
import io.hotelkit.memory.MemoryStorage;

class MemoryReservationsTest extends ReservationsContract {

    @Override
    protected Storage newStorage() {
        return new MemoryStorage(clock);
    }

    @Override
    protected Storage secondInstance(Storage first) {
        return first;
    }

    @Override
    protected boolean guardsInventoryItself() {
        return false;
    }
}
