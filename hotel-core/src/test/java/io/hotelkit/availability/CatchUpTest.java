package io.hotelkit.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.Property;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.spi.Claim;
import io.hotelkit.spi.PendingChange;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import org.junit.jupiter.api.Test;

/** Two processes on one store, as two server instances on one database: each catches up with the other. */
class CatchUpTest {

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private final MemoryStorage shared = new MemoryStorage(clock);

    @Test
    void an_instance_sees_what_another_sold_once_it_catches_up() {
        Hotel first = Hotel.builder().clock(clock).storage(shared).build();
        Property lisbon = TestHotels.lisbon(first);
        Hotel second = Hotel.builder().clock(clock).storage(shared).build();
        Stay stay = Stay.of("2026-12-05", "2026-12-07");

        TestHotels.book(first, lisbon, "DBL", stay);
        assertThat(second.engine().available(lisbon.id(), "DBL", stay.nightsAsRange())).as("not yet").isEqualTo(5);

        assertThat(second.catchUp()).containsExactly(lisbon.id());
        assertThat(second.engine().available(lisbon.id(), "DBL", stay.nightsAsRange())).isEqualTo(4);
        assertThat(first.catchUp()).as("its own changes are not news to it").isEmpty();
    }

    @Test
    void a_cached_search_is_answered_anew_after_a_catch_up() {
        Hotel first = Hotel.builder().clock(clock).storage(shared).build();
        Property lisbon = TestHotels.lisbon(first);
        Hotel second = Hotel.builder().clock(clock).storage(shared).build();
        Stay stay = Stay.of("2026-12-05", "2026-12-07");
        AvailabilityQuery query = new AvailabilityQuery(lisbon.id(), stay, Occupancy.adults(2), "DBL", "FLEX");
        assertThat(availableIn(second, query)).isEqualTo(5);

        TestHotels.book(first, lisbon, "DBL", stay);
        assertThat(second.catchUp()).containsExactly(lisbon.id());
        assertThat(second.engine().available(lisbon.id(), "DBL", stay.nightsAsRange())).isEqualTo(4);

        assertThat(availableIn(second, query)).as("a reloaded index never repeats a version of the one before").isEqualTo(4);
    }

    private static int availableIn(Hotel hotel, AvailabilityQuery query) {
        return hotel.availability().search(query).offers().getFirst().available();
    }

    @Test
    void a_property_is_not_reloaded_while_a_change_of_its_own_is_in_flight() {
        Hotel first = Hotel.builder().clock(clock).storage(shared).build();
        Property lisbon = TestHotels.lisbon(first);
        AvailabilityEngine secondEngine = new AvailabilityEngine();
        Hotel second = Hotel.builder().clock(clock).storage(shared).engine(secondEngine).build();
        TestHotels.book(first, lisbon, "DBL", Stay.of("2026-12-05", "2026-12-06"));
        Stay stay = Stay.of("2026-12-05", "2026-12-07");

        PendingChange inFlight = secondEngine.change(null, new Claim(lisbon.id(), "DBL", stay.nightsAsRange(), null, null));
        assertThat(second.catchUp()).isEmpty();
        inFlight.commit();

        assertThat(second.catchUp()).containsExactly(lisbon.id());
    }
}
