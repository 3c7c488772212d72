package io.hotelkit.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.guests.Guest;
import io.hotelkit.inventory.Property;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.InventoryModel;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sixteen threads book, cancel and search at once; afterwards the inventory is sound and the engine agrees. */
class ConcurrentBookingTest {

    private static final DateRange WINDOW = DateRange.of(TestHotels.BUSINESS_DATE, TestHotels.BUSINESS_DATE.plusDays(30));

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sixteen_threads_of_a_thousand_bookings_never_oversell() throws Exception {
        Hotel hotel = Hotel.inMemory(MutableClock.at(TestHotels.CLOCK_START));
        Property property = TestHotels.lisbon(hotel);
        Guest guest = TestHotels.guest(hotel, "crowd@example.com");
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                long seed = t;
                workers.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    start.await();
                    for (int i = 0; i < 1_000; i++) {
                        LocalDate checkin = WINDOW.start().plusDays(random.nextInt(WINDOW.nights() - 3));
                        Stay stay = Stay.of(checkin, checkin.plusDays(1 + random.nextInt(3)));
                        String type = random.nextBoolean() ? "DBL" : "STE";
                        if (random.nextInt(4) == 0) {
                            hotel.availability().search(AvailabilityQuery.of(property.id(), stay, Occupancy.adults(2)));
                        }
                        try {
                            var booking = hotel.bookings().book(
                                    BookingRequest.of(property.id(), guest.id(), type, "FLEX", stay, Occupancy.adults(2)), null);
                            booked.incrementAndGet();
                            if (random.nextInt(3) == 0) {
                                hotel.cancellations().cancel(property.id(), booking.id(), null);
                            }
                        } catch (ConflictException soldOut) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(100, TimeUnit.SECONDS);
            }
        }

        assertThat(booked.get() + refused.get()).isEqualTo(16_000);
        assertThat(booked.get()).isPositive();
        assertThat(refused.get()).as("the hotel is small enough to fill up").isPositive();
        InventoryModel model = InventoryModel.of(hotel, property.id(), WINDOW);
        assertThat(model.violations(WINDOW)).isEmpty();
        WINDOW.dates().forEach(night -> {
            for (String type : List.of("DBL", "STE")) {
                assertThat(hotel.engine().available(property.id(), type, DateRange.of(night, night.plusDays(1))))
                        .as("%s on %s", type, night).isEqualTo(model.free(type, night));
            }
        });
    }
}
