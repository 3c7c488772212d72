package io.hotelkit.billing;

/**
 * What a folio line is. Charges are positive, payments negative, refunds positive again. Corrections are
 * negative charges that name the line they correct in their reference: a {@link #VOID} reverses a line on its
 * business date, an {@link #ALLOWANCE} takes part of a line back later, a {@link #TRANSFER} moves a line to
 * another window or booking (where it is posted again with its own kind). {@link #CITY_LEDGER} settles a
 * company's window by billing its account: like a payment, it is not a charge.
 */
public enum FolioLineKind {
    ROOM,
    TAX,
    CITY_TAX,
    EXTRA,
    /** A rate plan's package (breakfast, parking, a spa credit), posted by the night audit beside the room. */
    PACKAGE,
    FEE,
    PAYMENT,
    REFUND,
    VOID,
    ALLOWANCE,
    TRANSFER,
    CITY_LEDGER;

    public boolean isCharge() {
        return this != PAYMENT && this != REFUND && this != CITY_LEDGER;
    }

    /** Whether lines of this kind are never positive: payments, corrections and city-ledger transfers. */
    public boolean isCredit() {
        return this == PAYMENT || this == VOID || this == ALLOWANCE || this == TRANSFER || this == CITY_LEDGER;
    }

    /** Whether a line of this kind can be voided, moved or given an allowance: a charge as first posted. */
    public boolean isCorrectable() {
        return this == ROOM || this == TAX || this == CITY_TAX || this == EXTRA || this == PACKAGE || this == FEE;
    }
}
