package io.hotelkit.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.Property;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.reservations.Booking;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.ForwardingStorage;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InvoiceNumberingTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sixteen_threads_issuing_with_failures_between_leave_no_gap_and_no_duplicate() throws Exception {
        MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
        MemoryStorage memory = new MemoryStorage(clock);
        FailingInvoices failing = new FailingInvoices(memory.invoices());
        Hotel hotel = Hotel.builder().clock(clock).storage(new ForwardingStorage(memory) {
            @Override
            public Invoices invoices() {
                return failing;
            }
        }).build();
        Property lisbon = TestHotels.lisbon(hotel);
        ConcurrentLinkedQueue<BookingId> toInvoice = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 500; i++) {
            Booking booking = TestHotels.book(hotel, lisbon, "STE", stayFor(i));
            hotel.folioCharges().charge(lisbon.id(), booking.id(), "Parking", TestHotels.eur("10.00"), "parking", null, null);
            toInvoice.add(booking.id());
        }
        failing.failureRate = 0.3;

        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int t = 0; t < 16; t++) {
                workers.add(pool.submit(() -> {
                    for (BookingId next = toInvoice.poll(); next != null; next = toInvoice.poll()) {
                        issueUntilIssued(hotel, lisbon.id(), next);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(100, TimeUnit.SECONDS);
            }
        }

        List<Long> numbers = memory.invoices().list(lisbon.id(), null, 1_000).stream()
                .map(invoice -> Long.parseLong(invoice.number().substring(5)))
                .sorted()
                .toList();
        assertThat(failing.failures).as("failures happened in between").isPositive();
        assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, 500).boxed().toList());
    }

    private static Stay stayFor(int i) {
        // at most 3 suites a night: spread 500 one-night stays over the year
        return Stay.of(TestHotels.BUSINESS_DATE.plusDays(i / 3), TestHotels.BUSINESS_DATE.plusDays(i / 3 + 1));
    }

    private static void issueUntilIssued(Hotel hotel, PropertyId propertyId, BookingId bookingId) {
        while (true) {
            try {
                hotel.invoices().issue(propertyId, bookingId, null);
                return;
            } catch (SimulatedFailure retry) {
                // the transaction rolled back, and its number with it
            }
        }
    }

    private static final class SimulatedFailure extends RuntimeException {
        SimulatedFailure() {
            super("simulated failure after the number was taken");
        }
    }

    /** Invoices whose add fails now and then, after the invoice took its number. */
    private static final class FailingInvoices implements Invoices {
        private final Invoices delegate;
        volatile double failureRate;
        volatile int failures;

        FailingInvoices(Invoices delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Invoice> findBy(InvoiceId id) {
            return delegate.findBy(id);
        }

        @Override
        public List<Invoice> list(PropertyId propertyId, @Nullable InvoiceId afterId, int limit) {
            return delegate.list(propertyId, afterId, limit);
        }

        @Override
        public List<Invoice> ofBooking(BookingId bookingId) {
            return delegate.ofBooking(bookingId);
        }

        @Override
        public void add(Invoice invoice) {
            if (ThreadLocalRandom.current().nextDouble() < failureRate) {
                failures++;
                throw new SimulatedFailure();
            }
            delegate.add(invoice);
        }
    }
}
