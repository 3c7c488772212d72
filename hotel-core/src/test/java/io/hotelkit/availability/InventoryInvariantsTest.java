package io.hotelkit.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.guests.Guest;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.reservations.Block;
import io.hotelkit.reservations.BlockStatus;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingChanges;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Ids;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.InventoryModel;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of booking, changing, cancelling, out-of-order periods and blocks, checked after every
 * step against a brute-force count of what storage holds: no room is sold twice a night, no room type
 * past its rooms plus overbooking, the engine agrees with the count night by night, and the engine
 * accepts exactly what the count says can be sold. A failure names its seed and step, to replay.
 */
class InventoryInvariantsTest {

    private static final DateRange WINDOW = DateRange.of(TestHotels.BUSINESS_DATE, TestHotels.BUSINESS_DATE.plusDays(21));
    private static final List<String> TYPES = List.of("DBL", "STE");

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 24);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void random_operations_never_oversell_and_the_engine_matches_a_brute_force_count(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
        Hotel hotel = TestHotels.seeded(clock, seed);
        Property property = TestHotels.lisbon(hotel);
        Guest guest = TestHotels.guest(hotel, "model@example.com");
        int blocks = 0;

        for (int step = 0; step < 250; step++) {
            String where = "seed " + seed + ", step " + step;
            InventoryModel before = InventoryModel.of(hotel, property.id(), WINDOW);
            int operation = random.nextInt(10);
            String type = TYPES.get(random.nextInt(TYPES.size()));
            Stay stay = randomStay(random);
            switch (operation) {
                case 0, 1, 2 -> {
                    boolean feasible = stay.dates().allMatch(night -> before.free(type, night) >= 1);
                    attempt(where + " book " + type + " " + stay, feasible, () -> hotel.bookings().book(
                            BookingRequest.of(property.id(), guest.id(), type, "FLEX", stay, Occupancy.adults(2)), null));
                }
                case 3 -> {
                    List<Room> ofType = before.rooms().stream().filter(r -> r.roomType().equals(type)).toList();
                    Room room = ofType.get(random.nextInt(ofType.size()));
                    boolean feasible = stay.dates().allMatch(night -> before.free(type, night) >= 1
                            && before.holders(room.number(), night) == 0);
                    attempt(where + " book room " + room.number() + " " + stay, feasible, () -> hotel.bookings().book(
                            new BookingRequest(property.id(), guest.id(), null, null, room.number(), "FLEX", stay,
                                    Occupancy.adults(2), null, null, null), null));
                }
                case 4 -> pick(random, before.holding(), BookingStatus.CONFIRMED).ifPresent(booking -> {
                    Stay changed = randomStay(random);
                    int own = 1; // the booking's own nights are free for its change
                    boolean typeFits = booking.block() == null
                            ? changed.dates().allMatch(night ->
                                    before.free(booking.roomType(), night) + (booking.stay().includesNight(night) ? own : 0) >= 1)
                            : blockTakes(before, booking, changed);
                    boolean roomFits = !booking.roomRequested() || changed.dates().allMatch(night ->
                            before.holders(booking.roomNumber(), night) - (booking.stay().includesNight(night) ? own : 0) == 0);
                    boolean feasible = typeFits && roomFits;
                    attempt(where + " change " + booking.id() + " to " + changed, feasible, () -> hotel.bookings().modify(
                            property.id(), booking.id(), booking.version(),
                            new BookingChanges(changed.checkin(), changed.checkout(), null, null, null, null)));
                });
                case 5 -> pick(random, before.holding(), BookingStatus.CONFIRMED).ifPresent(booking ->
                        attempt(where + " cancel " + booking.id(), true,
                                () -> hotel.bookings().cancel(property.id(), booking.id(), null)));
                case 6 -> {
                    Room room = before.rooms().get(random.nextInt(before.rooms().size()));
                    DateRange period = stay.nightsAsRange();
                    boolean overlapsOwn = room.outOfOrder().stream().anyMatch(o -> o.period().overlaps(period));
                    boolean feasible = !overlapsOwn && period.dates().allMatch(night ->
                            before.holders(room.number(), night) == 0 && before.free(room.roomType(), night) >= 1);
                    attempt(where + " out of order " + room.number() + " " + period, feasible,
                            () -> hotel.inventory().takeOutOfOrder(property.id(), room.number(), period, "repairs"));
                }
                case 7 -> {
                    Room room = before.rooms().get(random.nextInt(before.rooms().size()));
                    if (!room.outOfOrder().isEmpty()) {
                        LocalDate from = room.outOfOrder().getFirst().period().start();
                        attempt(where + " back in order " + room.number(), true,
                                () -> hotel.inventory().endOutOfOrder(property.id(), room.number(), from));
                    }
                }
                case 8 -> {
                    int rooms = 1 + random.nextInt(2);
                    boolean feasible = stay.dates().allMatch(night -> before.free(type, night) >= rooms);
                    String code = "G" + blocks++;
                    attempt(where + " block " + code + " " + type + " x" + rooms + " " + stay, feasible,
                            () -> hotel.blocks().create(property.id(), code, "Group", type, "FLEX", stay.nightsAsRange(),
                                    rooms, stay.checkin(), BlockStatus.DEFINITE));
                }
                default -> {
                    List<Block> open = before.blocks().stream().filter(b -> b.status().isOpen()).toList();
                    if (!open.isEmpty()) {
                        Block block = open.get(random.nextInt(open.size()));
                        if (random.nextBoolean()) {
                            attempt(where + " cancel block " + block.code(), true,
                                    () -> hotel.blocks().cancel(property.id(), block.code()));
                        } else {
                            boolean feasible = block.nights().dates().allMatch(night ->
                                    before.pickedUp(block.code(), night) < block.rooms());
                            attempt(where + " book from block " + block.code(), feasible, () -> hotel.bookings().book(
                                    new BookingRequest(property.id(), guest.id(), null, block.roomType(), null, "FLEX",
                                            Stay.of(block.nights().start(), block.nights().end()), Occupancy.adults(2),
                                            block.code(), null, null), null));
                        }
                    }
                }
            }
            assertSound(hotel, property, where);
            if (step % 25 == 24) {
                // an engine loaded from storage, as on a restart, must count what the live one does
                Hotel restarted = Hotel.builder().clock(clock).storage(hotel.storage()).ids(Ids.seeded(clock, seed)).build();
                assertSound(restarted, property, where + " after a restart");
            }
        }
    }

    private static void attempt(String what, boolean feasible, Runnable operation) {
        boolean accepted;
        try {
            operation.run();
            accepted = true;
        } catch (ConflictException refused) {
            accepted = false;
        }
        assertThat(accepted).as("%s: the model says %s", what, feasible ? "it can be sold" : "it cannot").isEqualTo(feasible);
    }

    private static void assertSound(Hotel hotel, Property property, String where) {
        InventoryModel model = InventoryModel.of(hotel, property.id(), WINDOW);
        assertThat(model.violations(WINDOW)).as(where).isEmpty();
        WINDOW.dates().forEach(night -> {
            DateRange one = DateRange.of(night, night.plusDays(1));
            assertThat(hotel.engine().available(property.id(), one)).as("%s: engine's free types on %s", where, night)
                    .containsExactlyElementsOf(TYPES.stream().map(type -> new TypeAvailability(type, model.free(type, night))).toList());
            for (String type : TYPES) {
                assertThat(hotel.engine().available(property.id(), type, one))
                        .as("%s: engine's free %s on %s", where, type, night).isEqualTo(model.free(type, night));
            }
            for (Room room : model.rooms()) {
                assertThat(hotel.engine().isRoomFree(property.id(), room.number(), one))
                        .as("%s: engine's room %s on %s", where, room.number(), night)
                        .isEqualTo(model.holders(room.number(), night) == 0);
            }
        });
    }

    private static boolean blockTakes(InventoryModel model, Booking booking, Stay changed) {
        Block block = model.blocks().stream().filter(b -> b.code().equals(booking.block())).findFirst().orElseThrow();
        // nights the booking keeps are its already; only new ones need the block open with a room left
        return changed.dates().allMatch(night -> booking.stay().includesNight(night)
                || block.status().isOpen() && block.nights().contains(night) && model.pickedUp(block.code(), night) < block.rooms());
    }

    private static Stay randomStay(SplittableRandom random) {
        LocalDate checkin = WINDOW.start().plusDays(random.nextInt(WINDOW.nights() - 1));
        int nights = 1 + random.nextInt(Math.min(5, (int) (WINDOW.end().toEpochDay() - checkin.toEpochDay())));
        return Stay.of(checkin, checkin.plusDays(nights));
    }

    private static java.util.Optional<Booking> pick(SplittableRandom random, List<Booking> bookings, BookingStatus status) {
        List<Booking> candidates = bookings.stream().filter(b -> b.status() == status).toList();
        return candidates.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(candidates.get(random.nextInt(candidates.size())));
    }
}
