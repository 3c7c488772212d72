package io.hotelkit.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.Property;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link Hotel#positionAt}: the number that processes on one store give the same state of a property, so
 * that they can share what they computed from it. Two processes on one store, as two server instances on
 * one database.
 */
class SharedPositionTest {

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private final MemoryStorage shared = new MemoryStorage(clock);

    private static OptionalLong position(Hotel hotel, PropertyId id) {
        return hotel.positionAt(id, hotel.engine().version(id));
    }

    @Test
    void processes_at_one_state_give_it_one_position_and_one_behind_gives_the_state_it_holds() {
        Hotel first = Hotel.builder().clock(clock).storage(shared).build();
        Property lisbon = TestHotels.lisbon(first);
        PropertyId id = lisbon.id();
        Hotel second = Hotel.builder().clock(clock).storage(shared).build();

        assertThat(position(first, id)).as("not settled before a catch-up has looked").isEmpty();
        assertThat(position(second, id)).isEmpty();
        first.catchUp();
        second.catchUp();
        OptionalLong before = position(first, id);
        assertThat(before).isPresent().isEqualTo(position(second, id));
        assertThat(before.getAsLong()).isEqualTo(shared.outbox().lastPosition());

        TestHotels.book(first, lisbon, "DBL", Stay.of("2026-12-05", "2026-12-07"));
        assertThat(position(first, id)).as("its booking is not in the outbox it has read").isEmpty();
        assertThat(position(second, id)).as("not caught up: the state it holds").isEqualTo(before);

        first.catchUp();
        OptionalLong after = position(first, id);
        assertThat(after).isPresent();
        assertThat(after.getAsLong()).isGreaterThan(before.getAsLong());

        second.catchUp(); // loads the property again: settled by the next catch-up, which finds nothing new
        assertThat(position(second, id)).isEmpty();
        second.catchUp();
        assertThat(position(second, id)).isEqualTo(after);
    }

    @Test
    void a_change_is_not_settled_between_its_commit_and_its_reaching_the_engine() {
        Hotel hotel = Hotel.builder().clock(clock).storage(shared).build();
        Property lisbon = TestHotels.lisbon(hotel);
        PropertyId id = lisbon.id();
        hotel.catchUp();
        position(hotel, id);
        hotel.catchUp();
        long before = position(hotel, id).orElseThrow();
        TestHotels.book(hotel, lisbon, "DBL", Stay.of("2026-12-05", "2026-12-07"));
        assertThat(position(hotel, id)).as("asked for, to be settled by the next catch-up").isEmpty();
        DateRange night = DateRange.of(TestHotels.BUSINESS_DATE.plusDays(3), TestHotels.BUSINESS_DATE.plusDays(4));

        // The price reaches the engine after the commit. A catch-up in that moment reads the change's
        // event, while the engine still holds the old price: it must not settle the new position.
        AtomicReference<OptionalLong> inTheMoment = new AtomicReference<>();
        shared.transactions().run(() -> {
            shared.transactions().afterCommit(() -> {
                hotel.catchUp();
                inTheMoment.set(position(hotel, id));
            });
            hotel.rates().setPrices(id, "FLEX", List.of(TestHotels.row("DBL", night, "500.00")));
        });
        assertThat(inTheMoment.get()).as("the engine holds neither the state before the booking nor the new price's")
                .isEmpty();
        assertThat(hotel.engine().rates(id, "FLEX", "DBL", night).getFirst().amount()).isEqualTo(TestHotels.eur("500.00"));

        hotel.catchUp();
        assertThat(position(hotel, id)).hasValue(shared.outbox().lastPosition());
        assertThat(position(hotel, id).getAsLong()).isGreaterThan(before);
    }
}
