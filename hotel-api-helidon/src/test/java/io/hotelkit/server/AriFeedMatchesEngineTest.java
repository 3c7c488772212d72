package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.hotelkit.Hotel;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.BlockStatus;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.HotelException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ARI feed says what the engine does: under random sequences of bookings, cancellations, blocks and
 * out-of-order periods on a grid of random restrictions, a stay is accepted exactly when the feed's rows show
 * each of its nights free, open and priced, its arrival and departure allowed and its length within the arrival
 * night's limits, at the price the feed shows for its occupancy; and {@code available} is exact: that many
 * one-night bookings are accepted, and the next is refused.
 */
class AriFeedMatchesEngineTest {

    private static final LocalDate FIRST = TestHotels.BUSINESS_DATE;
    /** Stays end by this date; the feed reads one night more, for closed-to-departure on it. */
    private static final int NIGHTS = 21;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void the_feed_predicts_every_booking_the_engine_accepts_or_refuses(long seed) {
        new Run(seed).play();
    }

    private static final class Run {
        private final long seed;
        private final Random random;
        private final Hotel hotel;
        private final Property property;
        private final AriFeed feed;
        private final Guest guest;
        private final List<Booking> bookings = new ArrayList<>();
        /** Rooms out of order, by number, and the first night of their period. */
        private final Map<String, LocalDate> outOfOrder = new HashMap<>();
        private int blocks;
        private int accepted;
        private int refused;

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.hotel = TestHotels.seeded(new MutableClock(java.time.Instant.parse(TestHotels.CLOCK_START)), seed);
            this.property = TestHotels.lisbon(hotel);
            hotel.rates().addRatePlan(property.id(), "OPEN", "Without restrictions", MealPlan.ROOM_ONLY,
                    CancellationPolicy.freeCancellation(), null);
            DateRange all = DateRange.of(FIRST, FIRST.plusDays(NIGHTS + 1));
            hotel.rates().setPrices(property.id(), "OPEN", List.of(TestHotels.row("DBL", all, "90.00"),
                    TestHotels.row("STE", all, "200.00")));
            List<PriceRow> restricted = new ArrayList<>();
            for (int n = 0; n <= NIGHTS; n++) {
                for (String type : List.of("DBL", "STE")) {
                    DateRange night = DateRange.of(FIRST.plusDays(n), FIRST.plusDays(n + 1));
                    Integer min = pick(null, null, 2, 3);
                    Integer max = pick(null, null, 3, 5);
                    if (min != null && max != null && min > max) {
                        max = min;
                    }
                    restricted.add(new PriceRow(type, night, TestHotels.eur(100 + random.nextInt(80) + ".50"),
                            TestHotels.eur(random.nextInt(40) + ".00"), TestHotels.eur(random.nextInt(20) + ".25"), min, max,
                            random.nextInt(10) == 0, random.nextInt(8) == 0, random.nextInt(8) == 0));
                }
            }
            hotel.rates().setPrices(property.id(), "FLEX", restricted);
            this.feed = Server.ariFeed(hotel);
            this.guest = hotel.guests().register(NewGuest.of("Ana Silva", "ana" + seed + "@example.com"), null);
        }

        @SafeVarargs
        private <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        void play() {
            for (int step = 0; step < 150; step++) {
                switch (random.nextInt(10)) {
                    case 0, 1, 2, 3, 4 -> tryStay();
                    case 5 -> cancelOne();
                    case 6 -> outOfOrder();
                    case 7 -> backInOrder();
                    case 8 -> block();
                    default -> availableIsExact();
                }
            }
            assertThat(accepted).as("seed %d: stays accepted", seed).isPositive();
            assertThat(refused).as("seed %d: stays refused", seed).isPositive();
        }

        private Map<String, AriFeed.Night> rows() {
            AriFeed.Snapshot snapshot = feed.read(property.id(), FIRST, FIRST.plusDays(NIGHTS + 1), null, null, null);
            Map<String, AriFeed.Night> rows = new HashMap<>();
            snapshot.nights().forEach(night -> rows.put(key(night.roomType(), night.ratePlan(), night.night()), night));
            return rows;
        }

        private static String key(String type, String plan, LocalDate night) {
            return type + "/" + plan + "/" + night;
        }

        /** What the feed says of a stay: its price if it is sold, else empty. */
        private static Optional<Money> predicted(Map<String, AriFeed.Night> rows, String type, String plan, Stay stay,
                                                 Occupancy occupancy) {
            AriFeed.Night arrival = rows.get(key(type, plan, stay.checkin()));
            AriFeed.Night departure = rows.get(key(type, plan, stay.checkout()));
            int nights = stay.nights();
            if (arrival.closedToArrival() || departure.closedToDeparture()
                    || (arrival.minStay() != null && nights < arrival.minStay())
                    || (arrival.maxStay() != null && nights > arrival.maxStay())) {
                return Optional.empty();
            }
            Money total = null;
            for (LocalDate night = stay.checkin(); night.isBefore(stay.checkout()); night = night.plusDays(1)) {
                AriFeed.Night row = rows.get(key(type, plan, night));
                if (row.available() < 1 || row.closed() || row.price() == null) {
                    return Optional.empty();
                }
                Optional<Money> price = row.price().byOccupancy().stream()
                        .filter(p -> p.adults() == occupancy.adults() && p.children() == occupancy.children())
                        .map(AriFeed.OccupancyPrice::amount).findFirst();
                if (price.isEmpty()) {
                    return Optional.empty();
                }
                total = total == null ? price.get() : total.plus(price.get());
            }
            return Optional.of(total);
        }

        private void tryStay() {
            String type = pick("DBL", "STE");
            String plan = pick("FLEX", "NRF", "OPEN");
            int nights = 1 + random.nextInt(4);
            LocalDate checkin = FIRST.plusDays(random.nextInt(NIGHTS - nights + 1));
            Stay stay = Stay.of(checkin, checkin.plusDays(nights));
            Occupancy occupancy = Occupancy.of(1 + random.nextInt(type.equals("DBL") ? 4 : 5), random.nextInt(3));
            Optional<Money> expected = predicted(rows(), type, plan, stay, occupancy);
            String what = "seed %d: %s %s %s %s".formatted(seed, type, plan, stay, occupancy);
            try {
                Booking booking = hotel.bookings().book(new BookingRequest(property.id(), guest.id(), null, type, null, plan,
                        stay, occupancy, null, null, null), null);
                if (expected.isEmpty()) {
                    fail(what + ": the feed refuses it, the engine accepted it");
                }
                Money total = booking.nightly().stream().reduce(Money::plus).orElseThrow();
                assertThat(total).as(what + ": the room price").isEqualTo(expected.get());
                bookings.add(booking);
                accepted++;
            } catch (HotelException | IllegalArgumentException refusal) {
                assertThat(expected).as(what + ": the engine refused it (" + refusal.getMessage() + ")").isEmpty();
                refused++;
            }
        }

        /** A night's {@code available} of the plan without restrictions: that many one-night stays, and no more. */
        private void availableIsExact() {
            String type = pick("DBL", "STE");
            LocalDate night = FIRST.plusDays(random.nextInt(NIGHTS));
            int available = rows().get(key(type, "OPEN", night)).available();
            Stay stay = Stay.of(night, night.plusDays(1));
            List<Booking> made = new ArrayList<>();
            for (int i = 0; i < available; i++) {
                made.add(hotel.bookings().book(BookingRequest.of(property.id(), guest.id(), type, "OPEN", stay,
                        Occupancy.adults(1)), null));
            }
            try {
                hotel.bookings().book(BookingRequest.of(property.id(), guest.id(), type, "OPEN", stay, Occupancy.adults(1)), null);
                fail("seed %d: %s on %s: the feed says %d, the engine took one more".formatted(seed, type, night, available));
            } catch (NotAvailableException expected) {
                // the (available + 1)th is refused
            }
            assertThat(rows().get(key(type, "OPEN", night)).available()).as("seed %d: sold out", seed).isZero();
            made.forEach(booking -> hotel.cancellations().cancel(property.id(), booking.id(), null));
            assertThat(rows().get(key(type, "OPEN", night)).available()).as("seed %d: given back", seed).isEqualTo(available);
        }

        private void cancelOne() {
            if (!bookings.isEmpty()) {
                Booking booking = bookings.remove(random.nextInt(bookings.size()));
                hotel.cancellations().cancel(property.id(), booking.id(), null);
            }
        }

        private void outOfOrder() {
            List<String> rooms = hotel.inventory().rooms(property.id()).stream().map(Room::number)
                    .filter(number -> !outOfOrder.containsKey(number)).toList();
            if (rooms.isEmpty()) {
                return;
            }
            String room = rooms.get(random.nextInt(rooms.size()));
            LocalDate from = FIRST.plusDays(random.nextInt(NIGHTS));
            try {
                hotel.inventory().takeOutOfOrder(property.id(), room, DateRange.of(from, from.plusDays(1 + random.nextInt(5))),
                        "paint");
                outOfOrder.put(room, from);
            } catch (HotelException refused) {
                // the room is booked then, or the type would be oversold: the engine and the feed are unchanged
            }
        }

        private void backInOrder() {
            if (!outOfOrder.isEmpty()) {
                List<String> rooms = List.copyOf(outOfOrder.keySet());
                String room = rooms.get(random.nextInt(rooms.size()));
                hotel.inventory().endOutOfOrder(property.id(), room, outOfOrder.remove(room));
            }
        }

        private void block() {
            LocalDate from = FIRST.plusDays(random.nextInt(NIGHTS - 3));
            try {
                hotel.blocks().create(property.id(), "B" + (++blocks), "Group", pick("DBL", "STE"), "FLEX",
                        DateRange.of(from, from.plusDays(1 + random.nextInt(3))), 1 + random.nextInt(2), from,
                        BlockStatus.DEFINITE);
            } catch (HotelException refused) {
                // not enough rooms: nothing held
            }
        }
    }
}
