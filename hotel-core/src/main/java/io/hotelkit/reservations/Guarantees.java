package io.hotelkit.reservations;

import io.hotelkit.billing.Authorisation;
import io.hotelkit.billing.DepositService;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a guest pays or pledges before arrival, checked against the booking: a deposit taken while the booking
 * is still to arrive, and a card pre-authorised to guarantee it. The money itself is {@link DepositService}'s.
 */
public final class Guarantees {

    private final Properties properties;
    private final BookingRecords records;
    private final DepositService deposits;

    public Guarantees(Properties properties, Bookings bookings, Folios folios, DepositService deposits) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.records = new BookingRecords(Objects.requireNonNull(bookings, "bookings"), Objects.requireNonNull(folios, "folios"));
        this.deposits = Objects.requireNonNull(deposits, "deposits");
    }

    /**
     * What a card guarantee of this booking holds by default: the most its guest can owe before staying, the
     * no-show fee or the deposit asked, whichever is more; the first night where both are nothing.
     */
    public Money guaranteeAmount(PropertyId propertyId, BookingId id) {
        Booking booking = records.booking(propertyId, id);
        Property property = properties.require(propertyId);
        Money noShow = booking.cancellationPolicy().noShowFee(booking.nightly(), property.rounding());
        Money deposit = deposits.status(propertyId, id).due();
        Money most = noShow.compareTo(deposit) >= 0 ? noShow : deposit;
        return most.isPositive() ? most : booking.nightly().getFirst();
    }

    /**
     * Pre-authorises the guest's card for {@code amount} (or the {@linkplain #guaranteeAmount default}) to guarantee a
     * booking that is confirmed or in the house. A declined card is an authorisation with status declined.
     *
     * @throws BookingNotChangeableException if the booking has ended
     */
    public Authorisation guarantee(PropertyId propertyId, BookingId id, String cardToken, @Nullable Money amount,
            @Nullable IdempotencyKey idempotencyKey) {
        Money hold = amount != null ? amount : guaranteeAmount(propertyId, id);
        return deposits.authorise(propertyId, id, cardToken, hold, idempotencyKey, () -> {
            Booking booking = records.booking(propertyId, id);
            if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.CHECKED_IN) {
                throw new BookingNotChangeableException(id, "it is " + booking.status().code());
            }
        });
    }

    /**
     * Takes a deposit towards a booking still to arrive.
     *
     * @throws BookingNotChangeableException unless the booking is confirmed (not yet arrived, not ended)
     */
    public Payment payDeposit(PropertyId propertyId, BookingId id, Money amount, PaymentMethod method, @Nullable String cardToken,
            @Nullable IdempotencyKey idempotencyKey) {
        return deposits.payDeposit(propertyId, id, amount, method, cardToken, idempotencyKey, () -> {
            Booking booking = records.booking(propertyId, id);
            if (booking.status() != BookingStatus.CONFIRMED) {
                throw new BookingNotChangeableException(id, "a deposit is taken before arrival, and it is "
                        + booking.status().code());
            }
        });
    }
}
