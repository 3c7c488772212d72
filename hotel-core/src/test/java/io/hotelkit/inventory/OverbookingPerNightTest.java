package io.hotelkit.inventory;

import static io.hotelkit.testing.TestHotels.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.shared.DateRange;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A room type's overbooking allowance set per night: the engine sells to it, and a reload keeps it. */
class OverbookingPerNightTest {

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private final MemoryStorage storage = new MemoryStorage(clock);
    private Hotel hotel;
    private Property lisbon;

    @BeforeEach
    void setUp() {
        hotel = Hotel.builder().storage(storage).clock(clock).build();
        lisbon = TestHotels.lisbon(hotel);
    }

    @Test
    void a_night_sells_its_own_allowance_and_the_others_keep_the_types() {
        // STE: 2 rooms + 1 overbooking. The 7th gets 3 more, so 5 can be sold; the 8th stays at 3.
        hotel.inventory().setOverbooking(lisbon.id(), "STE", DateRange.of(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-08")), 3);

        for (int i = 0; i < 5; i++) {
            TestHotels.book(hotel, lisbon, "STE", stay("2026-12-07", "2026-12-08"));
        }
        assertThatThrownBy(() -> TestHotels.book(hotel, lisbon, "STE", stay("2026-12-07", "2026-12-08")))
                .isInstanceOf(NotAvailableException.class);
        for (int i = 0; i < 3; i++) {
            TestHotels.book(hotel, lisbon, "STE", stay("2026-12-08", "2026-12-09"));
        }
        assertThatThrownBy(() -> TestHotels.book(hotel, lisbon, "STE", stay("2026-12-08", "2026-12-09")))
                .isInstanceOf(NotAvailableException.class);
        assertThat(hotel.inventory().overbooking(lisbon.id(), DateRange.of(LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-09")))
                .get("STE")).containsValues(1, 3, 1);
    }

    @Test
    void a_night_set_to_none_sells_only_its_rooms_and_cleared_gets_the_types_again() {
        DateRange seventh = DateRange.of(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-08"));
        hotel.inventory().setOverbooking(lisbon.id(), "STE", seventh, 0);
        TestHotels.book(hotel, lisbon, "STE", stay("2026-12-06", "2026-12-08"));
        TestHotels.book(hotel, lisbon, "STE", stay("2026-12-07", "2026-12-08"));
        assertThatThrownBy(() -> TestHotels.book(hotel, lisbon, "STE", stay("2026-12-06", "2026-12-08")))
                .isInstanceOf(NotAvailableException.class);

        hotel.inventory().setOverbooking(lisbon.id(), "STE", seventh, null);

        TestHotels.book(hotel, lisbon, "STE", stay("2026-12-07", "2026-12-08"));
        assertThat(hotel.storage().nightAllowances().list(lisbon.id())).isEmpty();
    }

    @Test
    void a_reloaded_engine_keeps_the_nights_allowances() {
        hotel.inventory().setOverbooking(lisbon.id(), "STE", DateRange.of(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-08")), 0);
        Hotel restarted = Hotel.builder().storage(storage).clock(clock).build();
        restarted.catchUp();
        restarted.reload(lisbon.id());

        TestHotels.book(restarted, lisbon, "STE", stay("2026-12-07", "2026-12-08"));
        TestHotels.book(restarted, lisbon, "STE", stay("2026-12-07", "2026-12-08"));
        assertThatThrownBy(() -> TestHotels.book(restarted, lisbon, "STE", stay("2026-12-07", "2026-12-08")))
                .isInstanceOf(NotAvailableException.class);
    }

    @Test
    void the_occupancy_report_shows_each_nights_overbooking() {
        // DBL's limit 0 and STE's 1: 1 a night, the 7th 3 + 0 with STE set to 3
        hotel.inventory().setOverbooking(lisbon.id(), "STE", DateRange.of(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-08")), 3);

        var report = hotel.reports().occupancy(lisbon.id(), DateRange.of(LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-09")));

        assertThat(report.perNight()).extracting(n -> n.overbooking()).containsExactly(1, 3, 1);
    }

    @Test
    void an_allowance_is_refused_for_an_unknown_type_or_below_zero() {
        DateRange night = DateRange.of(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-08"));
        assertThatThrownBy(() -> hotel.inventory().setOverbooking(lisbon.id(), "NOPE", night, 1))
                .hasMessageContaining("NOPE");
        assertThatThrownBy(() -> hotel.inventory().setOverbooking(lisbon.id(), "STE", night, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overbooking allowance");
    }
}
