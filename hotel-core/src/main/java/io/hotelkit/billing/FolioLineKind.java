package io.hotelkit.billing;

/** What a folio line is. Charges are positive, payments negative, refunds positive again. */
public enum FolioLineKind {
    ROOM,
    TAX,
    CITY_TAX,
    EXTRA,
    /** A rate plan's package (breakfast, parking, a spa credit), posted by the night audit beside the room. */
    PACKAGE,
    FEE,
    PAYMENT,
    REFUND;

    public boolean isCharge() {
        return this != PAYMENT && this != REFUND;
    }
}
