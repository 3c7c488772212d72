package io.hotelkit.memory;

import io.hotelkit.billing.Payment;
import io.hotelkit.billing.Payments;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.PaymentId;
import java.util.List;
import java.util.Optional;

final class MemoryPayments implements Payments {

    private final MemoryTable<Payment> table;

    MemoryPayments(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
    }

    @Override
    public Optional<Payment> findBy(PaymentId id) {
        return table.get(id.value());
    }

    @Override
    public List<Payment> ofBooking(BookingId bookingId) {
        return table.scan("", payment -> payment.bookingId().equals(bookingId));
    }

    @Override
    public Payment save(Payment payment) {
        return table.putVersioned(payment.id().value(), payment, "payment");
    }
}
