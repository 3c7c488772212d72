package io.hotelkit.inventory;

/** A room's housekeeping state. A guest checks in only to a clean or inspected room. */
public enum HousekeepingStatus {
    CLEAN,
    DIRTY,
    INSPECTED;

    public boolean readyForGuest() {
        return this != DIRTY;
    }
}
