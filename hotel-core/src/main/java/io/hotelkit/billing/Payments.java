package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.PaymentId;
import java.util.List;
import java.util.Optional;

/** The payments. See {@link io.hotelkit.inventory.Properties} for how {@code save} versions. */
public interface Payments {

    Optional<Payment> findBy(PaymentId id);

    /** A booking's payments, oldest first. */
    List<Payment> ofBooking(BookingId bookingId);

    Payment save(Payment payment);
}
