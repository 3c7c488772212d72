package io.hotelkit.billing;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.Property;
import io.hotelkit.reservations.Booking;
import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random days of charges, routing, moves, voids, allowances, payments and night audits over a few bookings
 * with several windows: every window's balance is the sum of its lines in minor units, a move never makes or
 * loses money (every transfer out has its charge in, of the same amount), and the money on all windows is
 * exactly what was charged less what was voided, allowed and paid. Refused steps change nothing.
 */
class FolioMoneySeededTest {

    private static final String[] CATEGORIES = {"bar", "minibar", "spa", "parking", "restaurant"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 15, 42, 2026, 7777, 90210})
    void money_on_the_folios_is_what_was_charged_less_voids_allowances_and_payments(long seed) {
        MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
        Hotel hotel = TestHotels.seeded(clock, seed);
        Property lisbon = TestHotels.lisbon(hotel);
        Random random = new Random(seed);
        Company acme = hotel.cityLedger().create(lisbon.id(), new CityLedger.Profile(Company.Kind.COMPANY, "Acme Lda",
                new Company.Address("Rua Augusta 1", null, "1100-048", "Lisboa", "PT"), null, eur("100000.00")), null);
        List<Booking> bookings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Booking booking = TestHotels.book(hotel, lisbon, "DBL", Stay.of("2026-12-01", "2026-12-09"));
            bookings.add(hotel.frontDesk().checkIn(lisbon.id(), booking.id(), null));
            hotel.folioWindows().open(lisbon.id(), booking.id(), random.nextBoolean() ? Payer.company(acme.id()) : Payer.person("Payer " + i),
                    null);
            if (random.nextBoolean()) {
                hotel.folioWindows().open(lisbon.id(), booking.id(), Payer.guest(), null);
            }
        }
        long expected = 0;
        int refused = 0;
        for (int step = 0; step < 120; step++) {
            Booking booking = bookings.get(random.nextInt(bookings.size()));
            List<Folio> windows = hotel.folioWindows().windows(lisbon.id(), booking.id());
            Folio window = windows.get(random.nextInt(windows.size()));
            long before = total(hotel, lisbon, bookings);
            try {
                switch (random.nextInt(8)) {
                    case 0, 1 -> {
                        Money amount = Money.ofMinor(1 + random.nextInt(20_000), lisbon.currency());
                        hotel.folioCharges().charge(lisbon.id(), booking.id(), "Extra", amount, CATEGORIES[random.nextInt(CATEGORIES.length)],
                                null, null);
                        expected += amount.minorUnits();
                    }
                    case 2 -> {
                        if (windows.size() > 1) {
                            int target = 2 + random.nextInt(windows.size() - 1);
                            List<RoutingRule> rules = random.nextBoolean() ? List.of(RoutingRule.of(FolioLineKind.ROOM))
                                    : List.of(RoutingRule.extras(CATEGORIES[random.nextInt(CATEGORIES.length)]), RoutingRule.of(FolioLineKind.TAX));
                            hotel.folioWindows().route(lisbon.id(), booking.id(), target, rules);
                        }
                    }
                    case 3 -> {
                        FolioLine line = pick(window, random);
                        Booking to = bookings.get(random.nextInt(bookings.size()));
                        List<Folio> targets = hotel.folioWindows().windows(lisbon.id(), to.id());
                        int toWindow = targets.get(random.nextInt(targets.size())).window();
                        if (line != null) {
                            hotel.folioWindows().move(lisbon.id(), booking.id(), window.window(), line.id(), to.id(), toWindow, null);
                        }
                    }
                    case 4 -> {
                        FolioLine line = pick(window, random);
                        if (line != null) {
                            hotel.folioWindows().voidLine(lisbon.id(), booking.id(), window.window(), line.id(), "wrong", null);
                            expected -= line.amount().minorUnits();
                        }
                    }
                    case 5 -> {
                        FolioLine line = pick(window, random);
                        if (line != null) {
                            Money amount = Money.ofMinor(1 + random.nextInt((int) Math.max(1, line.amount().minorUnits())), lisbon.currency());
                            hotel.folioWindows().allowance(lisbon.id(), booking.id(), window.window(), line.id(), amount, "goodwill", null);
                            expected -= amount.minorUnits();
                        }
                    }
                    case 6 -> {
                        if (window.balance().isPositive()) {
                            Money amount = Money.ofMinor(1 + random.nextInt((int) window.balance().minorUnits()), lisbon.currency());
                            hotel.payments().pay(lisbon.id(), booking.id(), window.window(), amount, PaymentMethod.CASH, null, null);
                            expected -= amount.minorUnits();
                        }
                    }
                    default -> {
                        LocalDate date = hotel.inventory().property(lisbon.id()).businessDate();
                        if (date.isBefore(LocalDate.parse("2026-12-08"))) {
                            clock.set(date.atTime(23, 30).atZone(lisbon.timezone()).toInstant());
                            hotel.nightAudit().close(lisbon.id());
                            clock.advance(Duration.ofHours(11));
                            expected += nightCharges(hotel, lisbon, bookings, date);
                        }
                    }
                }
            } catch (ConflictException | InvalidRequestException e) {
                refused++;
                assertThat(total(hotel, lisbon, bookings)).as("seed %d step %d: a refused step changes nothing", seed, step)
                        .isEqualTo(before);
            }
            assertThat(total(hotel, lisbon, bookings)).as("seed %d step %d", seed, step).isEqualTo(expected);
            for (Booking each : bookings) {
                for (Folio folio : hotel.storage().folios().windows(lisbon.id(), each.id())) {
                    long sum = folio.lines().stream().mapToLong(line -> line.amount().minorUnits()).sum();
                    assertThat(folio.balance().minorUnits()).as("seed %d step %d: balance of %s/%d", seed, step, each.id(), folio.window())
                            .isEqualTo(sum);
                }
            }
        }
        List<FolioLine> all = bookings.stream().flatMap(booking -> hotel.storage().folios().windows(lisbon.id(), booking.id()).stream())
                .flatMap(folio -> folio.lines().stream()).toList();
        for (FolioLine out : all.stream().filter(line -> line.kind() == FolioLineKind.TRANSFER).toList()) {
            String moved = out.correctedLineId();
            assertThat(all).as("seed %d: the charge moved out as %s is in once, at the same amount", seed, out.id())
                    .filteredOn(line -> moved.equals(line.movedFromLineId()))
                    .singleElement().satisfies(in -> assertThat(in.amount()).isEqualTo(out.amount().negate()));
        }
        assertThat(refused).as("seed %d: the walk tried refusals too", seed).isLessThan(120);
    }

    /** A correctable line of the window, at random, or null. */
    private static FolioLine pick(Folio window, Random random) {
        List<FolioLine> lines = window.lines().stream().filter(line -> line.kind().isCorrectable()).toList();
        return lines.isEmpty() ? null : lines.get(random.nextInt(lines.size()));
    }

    private static long total(Hotel hotel, Property property, List<Booking> bookings) {
        return bookings.stream().flatMap(booking -> hotel.storage().folios().windows(property.id(), booking.id()).stream())
                .mapToLong(folio -> folio.balance().minorUnits()).sum();
    }

    /** What the night audit posted for {@code night}: its room, tax and city tax lines, wherever routed. */
    private static long nightCharges(Hotel hotel, Property property, List<Booking> bookings, LocalDate night) {
        return bookings.stream().flatMap(booking -> hotel.storage().folios().windows(property.id(), booking.id()).stream())
                .flatMap(folio -> folio.lines().stream())
                .filter(line -> line.reference() != null && line.reference().endsWith(":" + night) && line.movedFromLineId() == null
                        && line.correctedLineId() == null)
                .mapToLong(line -> line.amount().minorUnits()).sum();
    }
}
