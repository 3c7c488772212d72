package io.hotelkit.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Folios;
import io.hotelkit.inventory.Property;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.reservations.BlockStatus;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.ForwardingStorage;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NightAuditTest {

    private final MutableClock clock = MutableClock.at("2026-12-01T23:30:00Z");

    @Test
    void an_audit_interrupted_halfway_and_run_again_charges_every_night_once() {
        FlakyFolios flaky = new FlakyFolios();
        MemoryStorage memory = new MemoryStorage(clock);
        Hotel hotel = Hotel.builder().clock(clock).storage(new ForwardingStorage(memory) {
            @Override
            public Folios folios() {
                flaky.delegate = memory.folios();
                return flaky;
            }
        }).build();
        Property lisbon = TestHotels.lisbon(hotel);
        List<Booking> inHouse = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Booking booking = TestHotels.book(hotel, lisbon, "DBL", Stay.of("2026-12-01", "2026-12-04"));
            inHouse.add(hotel.frontDesk().checkIn(lisbon.id(), booking.id(), null));
        }

        flaky.failOnSave = 3; // the third folio the audit saves fails: the database went away
        assertThatThrownBy(() -> hotel.nightAudit().close(lisbon.id())).isInstanceOf(IllegalStateException.class);
        assertThat(hotel.inventory().property(lisbon.id()).businessDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(roomNightsPosted(hotel, inHouse)).isEqualTo(2);

        NightAudit.Result rerun = hotel.nightAudit().close(lisbon.id());

        assertThat(rerun.charged()).isEqualTo(3);
        assertThat(roomNightsPosted(hotel, inHouse)).isEqualTo(5);
        for (Booking booking : inHouse) {
            Map<String, Long> perReference = hotel.folioCharges().folio(lisbon.id(), booking.id()).lines().stream()
                    .collect(Collectors.groupingBy(FolioLine::reference, Collectors.counting()));
            assertThat(perReference).containsOnlyKeys("room:2026-12-01", "tax:2026-12-01", "city_tax:2026-12-01")
                    .allSatisfy((reference, count) -> assertThat(count).isEqualTo(1));
        }
        assertThat(hotel.inventory().property(lisbon.id()).businessDate()).isEqualTo(LocalDate.parse("2026-12-02"));
    }

    @Test
    void an_audit_cannot_close_a_day_that_has_not_begun_where_the_hotel_is() {
        Hotel hotel = Hotel.inMemory(clock);
        Property lisbon = TestHotels.lisbon(hotel);
        hotel.nightAudit().close(lisbon.id());

        assertThatThrownBy(() -> hotel.nightAudit().close(lisbon.id()))
                .isInstanceOf(NightAudit.NightAuditTooEarlyException.class)
                .hasMessage("property LIS cannot close 2026-12-02 before 18:00 that day; it is 2026-12-01T23:30 there");
    }

    @Test
    void guests_who_did_not_arrive_become_no_shows_and_blocks_are_released() {
        Hotel hotel = Hotel.inMemory(clock);
        Property lisbon = TestHotels.lisbon(hotel);
        Booking due = TestHotels.book(hotel, lisbon, "DBL", Stay.of("2026-12-01", "2026-12-03"));
        Booking later = TestHotels.book(hotel, lisbon, "DBL", Stay.of("2026-12-05", "2026-12-06"));
        hotel.blocks().create(lisbon.id(), "WEDDING", "Wedding", "DBL", "FLEX",
                DateRange.of(LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-07")), 3, LocalDate.parse("2026-12-01"),
                BlockStatus.DEFINITE);
        assertThat(hotel.engine().available(lisbon.id(), "DBL", DateRange.of(LocalDate.parse("2026-12-05"),
                LocalDate.parse("2026-12-06")))).isEqualTo(1);

        NightAudit.Result result = hotel.nightAudit().close(lisbon.id());

        assertThat(result.noShows()).isEqualTo(1);
        assertThat(result.releasedBlocks()).containsExactly("WEDDING");
        assertThat(hotel.bookings().booking(due.id()).status()).isEqualTo(BookingStatus.NO_SHOW);
        assertThat(hotel.folioCharges().folio(lisbon.id(), due.id()).balance()).isEqualTo(TestHotels.eur("100.00"));
        assertThat(hotel.bookings().booking(later.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(hotel.engine().available(lisbon.id(), "DBL", DateRange.of(LocalDate.parse("2026-12-05"),
                LocalDate.parse("2026-12-06")))).isEqualTo(4);
    }

    private static long roomNightsPosted(Hotel hotel, List<Booking> bookings) {
        return bookings.stream()
                .map(booking -> hotel.storage().folios().findBy(booking.id()).orElseThrow())
                .flatMap(folio -> folio.lines().stream())
                .filter(line -> line.kind() == FolioLineKind.ROOM)
                .count();
    }

    /** Folios whose n-th save fails, as a database that goes away mid-audit would. */
    private static final class FlakyFolios implements Folios {
        Folios delegate;
        int failOnSave;
        int saves;

        @Override
        public Optional<Folio> findBy(BookingId bookingId) {
            return delegate.findBy(bookingId);
        }

        @Override
        public Optional<Folio> findBy(io.hotelkit.shared.PropertyId propertyId, BookingId bookingId, int window) {
            return delegate.findBy(propertyId, bookingId, window);
        }

        @Override
        public List<Folio> windows(io.hotelkit.shared.PropertyId propertyId, BookingId bookingId) {
            return delegate.windows(propertyId, bookingId);
        }

        @Override
        public List<Folio> billing(io.hotelkit.shared.PropertyId propertyId, io.hotelkit.billing.CompanyId companyId) {
            return delegate.billing(propertyId, companyId);
        }

        @Override
        public Folio save(Folio folio) {
            if (failOnSave > 0 && ++saves == failOnSave) {
                throw new IllegalStateException("connection lost");
            }
            return delegate.save(folio);
        }
    }
}
