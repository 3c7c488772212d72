package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.PaymentId;
import java.util.List;
import java.util.Optional;

/** The payments. See {@link io.hotelkit.inventory.Properties} for how {@code save} versions. */
public interface Payments {

    Optional<Payment> findBy(PaymentId id);

    /**
     * The property's payment with this id.
     *
     * <p>By property and id: a store sharded by property (docs/SCALING.md) reads one shard. A payment
     * of another property is not found.
     */
    default Optional<Payment> findBy(PropertyId propertyId, PaymentId id) {
        return findBy(id).filter(payment -> payment.propertyId().equals(propertyId));
    }

    /** A booking's payments, oldest first. */
    List<Payment> ofBooking(BookingId bookingId);

    /** The payments of the property's booking, oldest first; by property, as {@link #findBy(PropertyId, PaymentId)}. */
    default List<Payment> ofBooking(PropertyId propertyId, BookingId bookingId) {
        return ofBooking(bookingId).stream().filter(payment -> payment.propertyId().equals(propertyId)).toList();
    }

    Payment save(Payment payment);
}
