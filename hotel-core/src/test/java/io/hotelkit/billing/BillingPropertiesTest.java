package io.hotelkit.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.availability.Offer;
import io.hotelkit.guests.Guest;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random hotels (VAT included or on top at odd rates, city tax, random prices and guests) and random stays
 * with extras, payments and refunds: a folio's balance is always the sum of its lines, what the night
 * audits charge for a stay is to the cent what the offer said, and an invoice and its credit note cancel
 * out. A failure names its seed.
 */
class BillingPropertiesTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void folios_offers_and_invoices_agree_to_the_cent(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MutableClock clock = MutableClock.at("2026-12-01T23:00:00Z");
        Hotel hotel = TestHotels.seeded(clock, seed);
        BigDecimal vat = BigDecimal.valueOf(random.nextInt(0, 250_000), 4); // 0 to 25 %, four decimals
        Money cityTax = Money.ofMinor(random.nextInt(0, 400), Money.currency("EUR"));
        Property property = hotel.inventory().createProperty(new NewProperty("P" + seed, "Random", ZoneId.of("UTC"),
                Money.currency("EUR"), LocalTime.of(14, 0), LocalTime.NOON, 30, new TaxPolicy(vat, random.nextBoolean(), cityTax),
                LocalDate.parse("2026-12-01")));
        hotel.inventory().addRoomType(property.id(), "ROOM", "Room", 4, 2, 5, 2, 0);
        for (int n = 1; n <= 8; n++) {
            hotel.inventory().addRoom(property.id(), "R" + n, "ROOM", null);
        }
        hotel.rates().addRatePlan(property.id(), "BAR", "Best available", null, CancellationPolicy.freeCancellation(), null);
        LocalDate first = property.businessDate();
        List<PriceRow> rows = new ArrayList<>();
        for (int night = 0; night < 10; night++) {
            rows.add(new PriceRow("ROOM", DateRange.of(first.plusDays(night), first.plusDays(night + 1)),
                    Money.ofMinor(random.nextInt(3_000, 40_000), property.currency()),
                    Money.ofMinor(random.nextInt(0, 5_000), property.currency()),
                    Money.ofMinor(random.nextInt(0, 3_000), property.currency()), null, null, false, false, false));
        }
        hotel.rates().setPrices(property.id(), "BAR", rows);
        Guest guest = TestHotels.guest(hotel, "random@example.com");

        List<Booking> stays = new ArrayList<>();
        List<Money> quoted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Stay stay = Stay.of(first, first.plusDays(1 + random.nextInt(5)));
            Occupancy occupancy = Occupancy.of(1 + random.nextInt(4), random.nextInt(2));
            Offer offer = hotel.availability().search(new AvailabilityQuery(property.id(), stay, occupancy, "ROOM", "BAR"))
                    .offers().getFirst();
            Booking booking = hotel.bookings().book(BookingRequest.of(property.id(), guest.id(), "ROOM", "BAR", stay, occupancy), null);
            hotel.frontDesk().checkIn(property.id(), booking.id(), null);
            stays.add(booking);
            quoted.add(offer.total());
        }
        for (int night = 0; night < 5; night++) {
            for (Booking booking : stays) {
                if (random.nextInt(3) == 0 && booking.stay().includesNight(hotel.inventory().property(property.id()).businessDate())) {
                    hotel.folioCharges().charge(property.id(), booking.id(), "Bar", Money.ofMinor(random.nextInt(100, 9_000),
                            property.currency()), "bar", null, null);
                }
            }
            hotel.nightAudit().close(property.id());
            clock.advance(Duration.ofDays(1));
        }

        for (int i = 0; i < stays.size(); i++) {
            Booking booking = stays.get(i);
            String where = "seed " + seed + ", booking " + i;
            Folio folio = hotel.folioCharges().folio(property.id(), booking.id());
            Money stayCharges = sum(folio, List.of(FolioLineKind.ROOM, FolioLineKind.TAX, FolioLineKind.CITY_TAX));
            assertThat(stayCharges).as(where + ": nights charged against the offer's total").isEqualTo(quoted.get(i));

            Money paid = Money.ofMinor(random.nextLong(1, folio.balance().minorUnits() + 1), property.currency());
            boolean card = random.nextBoolean();
            Payment payment = hotel.payments().pay(property.id(), booking.id(), paid,
                    card ? PaymentMethod.CARD : PaymentMethod.CASH, card ? "tok_mastercard" : null, null);
            if (random.nextBoolean()) {
                hotel.payments().refund(property.id(), payment.id(), Money.ofMinor(random.nextLong(1, paid.minorUnits() + 1),
                        property.currency()), null);
            }
            folio = hotel.folioCharges().folio(property.id(), booking.id());
            Money lines = folio.lines().stream().map(FolioLine::amount).reduce(Money.zero(property.currency()), Money::plus);
            assertThat(folio.balance()).as(where + ": balance against the sum of lines").isEqualTo(lines);

            Invoice invoice = hotel.invoices().issue(property.id(), booking.id(), null);
            assertThat(invoice.total()).as(where + ": invoice against the folio's charges").isEqualTo(folio.charges());
            Invoice credit = hotel.invoices().credit(property.id(), invoice.id(), null);
            assertThat(invoice.total().plus(credit.total()).isZero()).as(where + ": invoice plus credit note").isTrue();
            assertThat(invoice.vat().plus(credit.vat()).isZero()).as(where + ": their VAT").isTrue();
        }
    }

    private static Money sum(Folio folio, List<FolioLineKind> kinds) {
        return folio.lines().stream().filter(line -> kinds.contains(line.kind())).map(FolioLine::amount)
                .reduce(Money.zero(folio.currency()), Money::plus);
    }
}
