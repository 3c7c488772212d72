package io.hotelkit.billing;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.availability.Offer;
import io.hotelkit.guests.Guest;
import io.hotelkit.inventory.AgeBand;
import io.hotelkit.inventory.CityTaxRule;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.inventory.VatRates;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.rates.RatePackage;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A family's nine nights in Lisbon, worked out by hand: Portugal's three VAT rates included in prices, the
 * Lisbon city tax (2.00 a person-night, under 13 exempt, at most 7 nights), an infant free and a child at the
 * child price, and a plan with breakfast, parking and a spa credit. The offer, the folio after nine night
 * audits and the invoice show the same figures.
 */
class LisbonPackageStayTest {

    private final MutableClock clock = MutableClock.at("2026-12-01T23:00:00Z");
    private final Hotel hotel = TestHotels.seeded(clock, 15);
    private Property property;

    private void open() {
        TaxPolicy taxes = new TaxPolicy(BigDecimal.ZERO, true, eur("0.00"),
                new VatRates(new BigDecimal("6"), new BigDecimal("13"), new BigDecimal("23"), Map.of()),
                new CityTaxRule(CityTaxRule.Basis.PER_PERSON_NIGHT, eur("2.00"), null, 13, 7));
        property = hotel.inventory().createProperty(new NewProperty("LIS", "Lisbon", ZoneId.of("UTC"), Money.currency("EUR"),
                LocalTime.of(15, 0), LocalTime.of(11, 0), 30, taxes, LocalDate.parse("2026-12-01")));
        hotel.inventory().addRoomType(property.id(), "FAM", "Family", 4, 3, 6, 2, 0,
                List.of(new AgeBand("INFANT", 0, 2, AgeBand.Price.FREE), new AgeBand("CHILD", 3, 12, AgeBand.Price.CHILD)));
        hotel.inventory().addRoom(property.id(), "301", "FAM", "3");
        hotel.rates().addRatePlan(property.id(), "BB", "Bed, breakfast and spa", null, CancellationPolicy.freeCancellation(), null, null,
                List.of(new RatePackage("BRK", "Breakfast", "breakfast", RatePackage.Basis.PER_PERSON_NIGHT, eur("12.50")),
                        new RatePackage("PARK", "Parking", "parking", RatePackage.Basis.PER_NIGHT, eur("15.00")),
                        new RatePackage("SPA", "Spa credit", "spa", RatePackage.Basis.PER_STAY, eur("40.00"))));
        hotel.rates().setPrices(property.id(), "BB", List.of(new PriceRow("FAM",
                DateRange.of(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-01")), eur("100.00"), eur("30.00"), eur("15.00"),
                null, null, false, false, false)));
    }

    @Test
    void offer_folio_and_invoice_show_the_same_split() {
        open();
        Stay stay = Stay.of("2026-12-01", "2026-12-10");
        Occupancy family = Occupancy.of(2, List.of(1, 8, 14)); // the infant free, the child at 15.00, the 14-year-old as an adult
        Offer offer = hotel.availability().search(new AvailabilityQuery(property.id(), stay, family, null, null)).offers().getFirst();
        assertThat(offer.nightlyAmounts()).containsOnly(eur("145.00"));
        // room 9 x 145.00 + breakfast 9 x 5 x 12.50 + parking 9 x 15.00 + spa 40.00 + city tax 3 persons x 2.00 x 7 nights
        assertThat(offer.total()).isEqualTo(eur("2084.50"));

        TaxPolicy.Split split = hotel.engine().split(property.id(), offer, family);
        assertThat(split.charges()).extracting(TaxPolicy.ChargeTotal::code, TaxPolicy.ChargeTotal::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("room", eur("1305.00")),
                org.assertj.core.groups.Tuple.tuple("BRK", eur("562.50")),
                org.assertj.core.groups.Tuple.tuple("PARK", eur("135.00")),
                org.assertj.core.groups.Tuple.tuple("SPA", eur("40.00")),
                org.assertj.core.groups.Tuple.tuple("city_tax", eur("42.00")));
        // VAT contained, line by line: 145.00 at 6 % is 8.21; 62.50 at 13 % is 7.19; 15.00 at 23 % is 2.80, 40.00 is 7.48
        assertThat(split.vat()).containsExactly(
                new TaxPolicy.VatTotal(new BigDecimal("6"), eur("1231.11"), eur("73.89"), eur("1305.00")),
                new TaxPolicy.VatTotal(new BigDecimal("13"), eur("497.79"), eur("64.71"), eur("562.50")),
                new TaxPolicy.VatTotal(new BigDecimal("23"), eur("142.32"), eur("32.68"), eur("175.00")));

        Guest guest = TestHotels.guest(hotel, "familia@example.com");
        Booking booking = hotel.bookings().book(BookingRequest.of(property.id(), guest.id(), "FAM", "BB", stay, family), null);
        assertThat(booking.total()).isEqualTo(eur("2084.50"));
        hotel.frontDesk().checkIn(property.id(), booking.id(), null);
        for (int night = 0; night < 9; night++) {
            hotel.nightAudit().close(property.id());
            clock.advance(Duration.ofDays(1));
        }
        Folio folio = hotel.folioCharges().folio(property.id(), booking.id());
        assertThat(folio.charges()).isEqualTo(eur("2084.50"));
        assertThat(folio.lines()).filteredOn(line -> line.kind() == FolioLineKind.CITY_TAX).hasSize(7);
        assertThat(folio.lines()).filteredOn(line -> line.kind() == FolioLineKind.PACKAGE).hasSize(19)
                .allSatisfy(line -> assertThat(line.vatPercent()).isNotNull());
        assertThat(folio.lines()).filteredOn(line -> "breakfast".equals(line.category()))
                .allSatisfy(line -> assertThat(line.vatPercent()).isEqualByComparingTo("13"));

        Invoice invoice = hotel.invoices().issue(property.id(), booking.id(), null);
        assertThat(invoice.total()).isEqualTo(eur("2084.50"));
        assertThat(invoice.vat()).isEqualTo(eur("171.28"));
        assertThat(invoice.vatBreakdown()).extracting(Invoice.VatAmount::percent, Invoice.VatAmount::vat).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("6"), eur("73.89")),
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("13"), eur("64.71")),
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("23"), eur("32.68")));
    }

    @Test
    void ages_and_bands_are_checked() {
        assertThatThrownBy(() -> new Occupancy(2, 2, List.of(4))).hasMessageContaining("children's ages");
        assertThatThrownBy(() -> Occupancy.of(2, List.of(18))).hasMessageContaining("age");
        assertThatThrownBy(() -> new AgeBand("X", 5, 3, AgeBand.Price.FREE)).hasMessageContaining("age band");
        open();
        assertThatThrownBy(() -> hotel.inventory().addRoomType(property.id(), "BAD", "Bad", 2, 2, 4, 2, 0,
                List.of(new AgeBand("A", 0, 5, AgeBand.Price.FREE), new AgeBand("B", 5, 12, AgeBand.Price.CHILD))))
                .hasMessageContaining("overlap");
    }

    @Test
    void a_property_with_one_rate_charges_as_before() {
        TaxPolicy legacy = new TaxPolicy(BigDecimal.TEN, false, eur("2.00"));
        assertThat(legacy.rates()).isNull();
        assertThat(legacy.cityTax()).isEqualTo(CityTaxRule.perPersonNight(eur("2.00")));
        assertThat(legacy.extraVatPercent("minibar")).isNull();
        assertThat(legacy.vatPercentOf("breakfast")).isEqualByComparingTo("10");
        assertThat(legacy.stayTotalMinor(new long[] {10_000, 10_001}, Occupancy.of(2, 1), io.hotelkit.shared.Rounding.HALF_UP))
                .isEqualTo(10_000 + 1_000 + 600 + 10_001 + 1_000 + 600);
    }
}
