package io.hotelkit.reservations;

import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A booking sent a room price that is not the offer's, and its rate plan does not let it (no channel
 * tolerance, or more than it): the booker learns the price that stands.
 */
public final class PriceMismatchException extends ConflictException {

    private final int room;
    private final String roomType;
    private final Money expected;
    private final Money given;
    private final @Nullable BigDecimal tolerance;

    public PriceMismatchException(int room, String roomType, Money expected, Money given, @Nullable BigDecimal tolerance) {
        super("room " + room + " (" + roomType + "): the room price is " + expected.amount().toPlainString() + " "
                + expected.currency().getCurrencyCode() + ", not " + given.amount().toPlainString()
                + (tolerance == null ? "; the rate plan takes no other price"
                        : "; the rate plan takes a channel's price within " + tolerance.toPlainString() + "% of it"));
        this.room = room;
        this.roomType = roomType;
        this.expected = expected;
        this.given = given;
        this.tolerance = tolerance;
    }

    /** The room's place in the request, from 0. */
    public int room() {
        return room;
    }

    public String roomType() {
        return roomType;
    }

    /** The offer's room price for the stay, before taxes added on top. */
    public Money expected() {
        return expected;
    }

    public Money given() {
        return given;
    }

    /** The rate plan's tolerance for a channel's price, in percent, if it has one. */
    public @Nullable BigDecimal tolerance() {
        return tolerance;
    }

    @Override
    public String code() {
        return "price-mismatch";
    }
}
