package io.hotelkit.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.guests.Guest;
import io.hotelkit.inventory.Property;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The occupancy report against a count, night by night, over every booking storage holds. */
class OccupancyReportTest {

    private static final DateRange MONTH = DateRange.of(TestHotels.BUSINESS_DATE, TestHotels.BUSINESS_DATE.plusDays(31));

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 10);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_report_equals_a_brute_force_count_night_by_night(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
        Hotel hotel = TestHotels.seeded(clock, seed);
        Property lisbon = TestHotels.lisbon(hotel);
        Guest guest = TestHotels.guest(hotel, "report@example.com");
        hotel.inventory().takeOutOfOrder(lisbon.id(), "102", DateRange.of(LocalDate.parse("2026-12-10"),
                LocalDate.parse("2026-12-14")), "paint");
        for (int i = 0; i < 120; i++) {
            LocalDate checkin = MONTH.start().plusDays(random.nextInt(28));
            Stay stay = Stay.of(checkin, checkin.plusDays(1 + random.nextInt(4)));
            try {
                Booking booking = hotel.bookings().book(BookingRequest.of(lisbon.id(), guest.id(), random.nextBoolean() ? "DBL" : "STE",
                        random.nextBoolean() ? "FLEX" : "NRF", stay, Occupancy.of(1 + random.nextInt(2), random.nextInt(2))), null);
                if (random.nextInt(5) == 0) {
                    hotel.cancellations().cancel(lisbon.id(), booking.id(), null);
                }
            } catch (ConflictException full) {
                // sold out: fine
            }
        }

        OccupancyReport report = hotel.reports().occupancy(lisbon.id(), MONTH);

        List<Booking> all = hotel.storage().bookings().overlapping(lisbon.id(), MONTH, null);
        assertThat(report.perNight()).hasSize(MONTH.nights());
        long soldTotal = 0;
        long revenueTotal = 0;
        for (OccupancyReport.Night night : report.perNight()) {
            LocalDate date = night.date();
            List<Booking> sold = all.stream().filter(b -> b.status().holdsInventory() && b.stay().includesNight(date)).toList();
            long revenue = sold.stream().mapToLong(b -> b.priceOf(date).minorUnits()).sum();
            int outOfOrder = date.isBefore(LocalDate.parse("2026-12-10")) || !date.isBefore(LocalDate.parse("2026-12-14")) ? 0 : 1;
            String where = "seed " + seed + ", " + date;
            assertThat(night.roomsTotal()).as(where).isEqualTo(7);
            assertThat(night.roomsOutOfOrder()).as(where).isEqualTo(outOfOrder);
            assertThat(night.roomsSold()).as(where).isEqualTo(sold.size());
            assertThat(night.roomRevenue()).as(where).isEqualTo(Money.ofMinor(revenue, lisbon.currency()));
            assertThat(night.occupancy()).as(where).isEqualByComparingTo(
                    BigDecimal.valueOf(sold.size()).divide(BigDecimal.valueOf(7 - outOfOrder), 4, RoundingMode.HALF_UP));
            if (!sold.isEmpty()) {
                assertThat(night.adr()).as(where).isEqualTo(Money.of(BigDecimal.valueOf(revenue, 2)
                        .divide(BigDecimal.valueOf(sold.size()), 2, RoundingMode.HALF_UP), lisbon.currency()));
            }
            soldTotal += sold.size();
            revenueTotal += revenue;
        }
        assertThat(report.totals().roomsSold()).isEqualTo(soldTotal);
        assertThat(report.totals().roomRevenue()).isEqualTo(Money.ofMinor(revenueTotal, lisbon.currency()));
    }
}
