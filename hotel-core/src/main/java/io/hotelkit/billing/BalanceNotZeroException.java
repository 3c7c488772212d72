package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.Money;

/** A guest cannot check out while the folio is not settled. */
public final class BalanceNotZeroException extends ConflictException {

    private final BookingId bookingId;
    private final Money balance;

    public BalanceNotZeroException(BookingId bookingId, Money balance) {
        this(bookingId, Folio.GUEST_WINDOW, balance);
    }

    /** Window {@code window}'s balance is not zero. */
    public BalanceNotZeroException(BookingId bookingId, int window, Money balance) {
        super((window == Folio.GUEST_WINDOW ? "the folio" : "folio window " + window) + " of booking " + bookingId + " has a balance of "
                + balance + "; settle it to check out");
        this.bookingId = bookingId;
        this.balance = balance;
    }

    public BookingId bookingId() {
        return bookingId;
    }

    public Money balance() {
        return balance;
    }

    @Override
    public String code() {
        return "balance-not-zero";
    }
}
