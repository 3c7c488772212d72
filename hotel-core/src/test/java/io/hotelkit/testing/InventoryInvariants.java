package io.hotelkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.availability.EngineView;
import io.hotelkit.availability.TypeAvailability;
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
import io.hotelkit.shared.HotelException;
import io.hotelkit.shared.Ids;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The inventory's contract, as random sequences of booking (of a room type, a room, from a block),
 * changing, cancelling, out-of-order periods and blocks, checked after every step against a brute-force
 * count of what storage holds ({@link InventoryModel}): no room is sold twice a night, no room type past its
 * rooms plus overbooking, each engine agrees with the count night by night, and an engine accepts exactly
 * what the count says can be sold. A failure names its seed and step, to replay.
 *
 * <p>Run on one hotel (core's {@code InventoryInvariantsTest}, in memory), or on several hotels over one
 * database, one engine each, the steps taken by each in turn (the JPA module's contract tests). A hotel
 * catches up with the others' changes ({@link Hotel#catchUp()}) before some of its steps and not before
 * others: a hotel whose engine is current must answer exactly as the count says; one whose engine missed
 * the others' changes may refuse what could be sold, but must never sell what cannot be, and the database's
 * guards are what refuses it then. {@link Outcome#refusedByDatabase()} counts those refusals, so that a test
 * can require that the guards were reached.
 */
public final class InventoryInvariants {

    public static final DateRange WINDOW = DateRange.of(TestHotels.BUSINESS_DATE, TestHotels.BUSINESS_DATE.plusDays(21));
    private static final List<String> TYPES = List.of("DBL", "STE");

    /** What a run saw: the property it made, steps taken, and sales a stale engine let through to storage that storage refused. */
    public record Outcome(PropertyId propertyId, int steps, int refusedByDatabase) {}

    private int blocks;
    private int refusedByDatabase;
    /** Whether the hotel acting now has missed a change another one made. */
    private boolean stale;

    private InventoryInvariants() {}

    /**
     * Runs {@code steps} random steps of {@code seed} on {@code count} hotels over one storage, made by
     * {@code hotels} (hotel 0 first: it creates the property and the guest, the others are made after).
     */
    public static Outcome run(long seed, int steps, MutableClock clock, int count, IntFunction<Hotel> hotels) {
        SplittableRandom random = new SplittableRandom(seed);
        Hotel first = hotels.apply(0);
        Property property = TestHotels.lisbon(first, "L" + seed);
        Guest guest = TestHotels.guest(first, "model-" + seed + "@example.com");
        List<Hotel> all = new ArrayList<>(List.of(first));
        for (int i = 1; i < count; i++) {
            all.add(hotels.apply(i));
        }
        boolean[] missed = new boolean[count];
        InventoryInvariants run = new InventoryInvariants();

        for (int step = 0; step < steps; step++) {
            int acting = step % count;
            Hotel hotel = all.get(acting);
            String where = "seed " + seed + ", step " + step + (count > 1 ? ", hotel " + acting : "");
            if (missed[acting] && random.nextBoolean()) {
                hotel.catchUp();
                missed[acting] = false;
                assertSound(hotel, property, where + " after catching up");
            }
            run.stale = missed[acting];
            long changesBefore = first.storage().outbox().lastPosition();
            InventoryModel before = InventoryModel.of(hotel, property.id(), WINDOW);
            EngineView engine = hotel.engine();
            int operation = random.nextInt(10);
            String type = TYPES.get(random.nextInt(TYPES.size()));
            Stay stay = randomStay(random);
            switch (operation) {
                case 0, 1, 2 -> {
                    boolean feasible = stay.dates().allMatch(night -> before.free(type, night) >= 1);
                    boolean engineSells = engine.available(property.id(), type, stay.nightsAsRange()) >= 1;
                    run.attempt(where + " book " + type + " " + stay, feasible, engineSells, () -> hotel.bookings().book(
                            BookingRequest.of(property.id(), guest.id(), type, "FLEX", stay, Occupancy.adults(2)), null));
                }
                case 3 -> {
                    List<Room> ofType = before.rooms().stream().filter(r -> r.roomType().equals(type)).toList();
                    Room room = ofType.get(random.nextInt(ofType.size()));
                    boolean feasible = stay.dates().allMatch(night -> before.free(type, night) >= 1
                            && before.holders(room.number(), night) == 0);
                    boolean engineSells = engine.available(property.id(), type, stay.nightsAsRange()) >= 1
                            && engine.isRoomFree(property.id(), room.number(), stay.nightsAsRange());
                    run.attempt(where + " book room " + room.number() + " " + stay, feasible, engineSells, () -> hotel.bookings().book(
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
                    run.attempt(where + " change " + booking.id() + " to " + changed, feasible, () -> hotel.bookings().modify(
                            property.id(), booking.id(), booking.version(),
                            new BookingChanges(changed.checkin(), changed.checkout(), null, null, null, null)));
                });
                case 5 -> pick(random, before.holding(), BookingStatus.CONFIRMED).ifPresent(booking ->
                        run.attempt(where + " cancel " + booking.id(), true,
                                () -> hotel.cancellations().cancel(property.id(), booking.id(), null)));
                case 6 -> {
                    Room room = before.rooms().get(random.nextInt(before.rooms().size()));
                    DateRange period = stay.nightsAsRange();
                    boolean overlapsOwn = room.outOfOrder().stream().anyMatch(o -> o.period().overlaps(period));
                    boolean feasible = !overlapsOwn && period.dates().allMatch(night ->
                            before.holders(room.number(), night) == 0 && before.free(room.roomType(), night) >= 1);
                    run.attempt(where + " out of order " + room.number() + " " + period, feasible,
                            () -> hotel.inventory().takeOutOfOrder(property.id(), room.number(), period, "repairs"));
                }
                case 7 -> {
                    Room room = before.rooms().get(random.nextInt(before.rooms().size()));
                    if (!room.outOfOrder().isEmpty()) {
                        LocalDate from = room.outOfOrder().getFirst().period().start();
                        run.attempt(where + " back in order " + room.number(), true,
                                () -> hotel.inventory().endOutOfOrder(property.id(), room.number(), from));
                    }
                }
                case 8 -> {
                    int rooms = 1 + random.nextInt(2);
                    boolean feasible = stay.dates().allMatch(night -> before.free(type, night) >= rooms);
                    String code = "G" + run.blocks++;
                    run.attempt(where + " block " + code + " " + type + " x" + rooms + " " + stay, feasible,
                            () -> hotel.blocks().create(property.id(), code, "Group", type, "FLEX", stay.nightsAsRange(),
                                    rooms, stay.checkin(), BlockStatus.DEFINITE));
                }
                default -> {
                    List<Block> open = before.blocks().stream().filter(b -> b.status().isOpen()).toList();
                    if (!open.isEmpty()) {
                        Block block = open.get(random.nextInt(open.size()));
                        if (random.nextBoolean()) {
                            run.attempt(where + " cancel block " + block.code(), true,
                                    () -> hotel.blocks().cancel(property.id(), block.code()));
                        } else {
                            boolean feasible = block.nights().dates().allMatch(night ->
                                    before.pickedUp(block.code(), night) < block.rooms());
                            run.attempt(where + " book from block " + block.code(), feasible, () -> hotel.bookings().book(
                                    new BookingRequest(property.id(), guest.id(), null, block.roomType(), null, "FLEX",
                                            Stay.of(block.nights().start(), block.nights().end()), Occupancy.adults(2),
                                            block.code(), null, null), null));
                        }
                    }
                }
            }
            if (first.storage().outbox().lastPosition() != changesBefore) {
                for (int other = 0; other < count; other++) {
                    missed[other] |= other != acting;
                }
            }
            InventoryModel model = InventoryModel.of(hotel, property.id(), WINDOW);
            assertThat(model.violations(WINDOW)).as(where).isEmpty();
            if (!run.stale) {
                assertSound(hotel, property, where);
            }
            if (step % 25 == 24) {
                // an engine loaded from storage, as on a restart, must count what the live one does
                Hotel restarted = Hotel.builder().clock(clock).storage(hotel.storage()).ids(Ids.seeded(clock, seed)).build();
                assertSound(restarted, property, where + " after a restart");
            }
        }
        for (Hotel hotel : all) {
            hotel.catchUp();
            assertSound(hotel, property, "seed " + seed + ", at the end, hotel " + all.indexOf(hotel));
        }
        return new Outcome(property.id(), steps, run.refusedByDatabase);
    }

    private void attempt(String what, boolean feasible, Runnable operation) {
        attempt(what, feasible, false, operation);
    }

    /**
     * Runs a step and compares what happened with what the count says: exactly, if the acting engine is
     * current; else it may refuse, but never sell what cannot be sold.
     *
     * @param engineSells whether the acting engine said beforehand that it would sell (where the step asked it)
     */
    private void attempt(String what, boolean feasible, boolean engineSells, Runnable operation) {
        boolean accepted;
        try {
            operation.run();
            accepted = true;
        } catch (ConflictException refused) {
            accepted = false;
        } catch (HotelException unknownHere) {
            if (!stale) {
                throw unknownHere;
            }
            accepted = false; // a stale engine may not know a block or booking another hotel made
        }
        if (stale) {
            assertThat(!accepted || feasible).as("%s: sold by a stale engine though the count says it cannot be", what).isTrue();
            if (!accepted && engineSells && !feasible) {
                refusedByDatabase++;
            }
        } else {
            assertThat(accepted).as("%s: the model says %s", what, feasible ? "it can be sold" : "it cannot").isEqualTo(feasible);
        }
    }

    /** Asserts that the hotel's engine counts what storage holds, night by night. */
    public static void assertSound(Hotel hotel, Property property, String where) {
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

    private static Optional<Booking> pick(SplittableRandom random, List<Booking> bookings, BookingStatus status) {
        List<Booking> candidates = bookings.stream().filter(b -> b.status() == status).toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }
}
