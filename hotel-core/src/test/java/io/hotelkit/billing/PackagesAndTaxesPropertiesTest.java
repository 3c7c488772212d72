package io.hotelkit.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.availability.Offer;
import io.hotelkit.guests.Guest;
import io.hotelkit.inventory.AgeBand;
import io.hotelkit.inventory.CityTaxRule;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.inventory.VatCategory;
import io.hotelkit.inventory.VatRates;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.rates.RatePackage;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Rounding;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random hotels with three VAT rates (included or on top), a random city tax rule, room types with age
 * bands, rate plans with random packages, and random stays of guests of random ages with extras: after the
 * night audits, the offer's total is to the cent the sum of the stay's folio lines, the offer's split is the
 * folio's per charge and per VAT rate, and the invoice's total and VAT per rate are the folio's. A failure
 * names its seed.
 */
class PackagesAndTaxesPropertiesTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void offer_folio_and_invoice_agree_per_line_and_per_rate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MutableClock clock = MutableClock.at("2026-12-01T23:00:00Z");
        Hotel hotel = TestHotels.seeded(clock, seed);
        var eur = Money.currency("EUR");
        VatRates rates = new VatRates(percent(random), percent(random), percent(random),
                random.nextBoolean() ? Map.of("parking", VatCategory.ACCOMMODATION) : Map.of());
        CityTaxRule rule = switch (random.nextInt(4)) {
            case 0 -> new CityTaxRule(CityTaxRule.Basis.PER_PERSON_NIGHT, Money.ofMinor(random.nextInt(0, 400), eur), null,
                    random.nextBoolean() ? random.nextInt(0, 18) : null, random.nextBoolean() ? random.nextInt(1, 5) : null);
            case 1 -> new CityTaxRule(CityTaxRule.Basis.PER_NIGHT, Money.ofMinor(random.nextInt(0, 400), eur), null, null,
                    random.nextBoolean() ? random.nextInt(1, 5) : null);
            case 2 -> new CityTaxRule(CityTaxRule.Basis.PER_STAY, Money.ofMinor(random.nextInt(0, 900), eur), null, null, null);
            default -> new CityTaxRule(CityTaxRule.Basis.PERCENT_OF_ROOM, Money.zero(eur), percent(random), null,
                    random.nextBoolean() ? random.nextInt(1, 5) : null);
        };
        TaxPolicy taxes = new TaxPolicy(BigDecimal.ZERO, random.nextBoolean(), Money.zero(eur), rates, rule);
        Property property = hotel.inventory().createProperty(new NewProperty("P" + seed, "Random", ZoneId.of("UTC"), eur,
                LocalTime.of(14, 0), LocalTime.NOON, 30, taxes, LocalDate.parse("2026-12-01")));
        hotel.inventory().addRoomType(property.id(), "FAM", "Family", 4, 3, 6, 2, 0, List.of(
                new AgeBand("INFANT", 0, 2, AgeBand.Price.FREE), new AgeBand("CHILD", 3, 12, AgeBand.Price.CHILD)));
        for (int n = 1; n <= 8; n++) {
            hotel.inventory().addRoom(property.id(), "R" + n, "FAM", null);
        }
        List<RatePackage> packages = new ArrayList<>();
        if (random.nextBoolean()) {
            packages.add(new RatePackage("BRK", "Breakfast", "breakfast", RatePackage.Basis.PER_PERSON_NIGHT,
                    Money.ofMinor(random.nextInt(0, 2_500), eur)));
        }
        if (random.nextBoolean()) {
            packages.add(new RatePackage("PARK", "Parking", "parking", RatePackage.Basis.PER_NIGHT, Money.ofMinor(random.nextInt(0, 3_000), eur)));
        }
        if (random.nextBoolean()) {
            packages.add(new RatePackage("SPA", "Spa credit", "spa", RatePackage.Basis.PER_STAY, Money.ofMinor(random.nextInt(0, 9_000), eur)));
        }
        hotel.rates().addRatePlan(property.id(), "PKG", "Package", null, CancellationPolicy.freeCancellation(), null, null, packages);
        LocalDate first = property.businessDate();
        List<PriceRow> rows = new ArrayList<>();
        for (int night = 0; night < 10; night++) {
            rows.add(new PriceRow("FAM", DateRange.of(first.plusDays(night), first.plusDays(night + 1)),
                    Money.ofMinor(random.nextInt(3_000, 40_000), eur), Money.ofMinor(random.nextInt(0, 5_000), eur),
                    Money.ofMinor(random.nextInt(0, 3_000), eur), null, null, false, false, false));
        }
        hotel.rates().setPrices(property.id(), "PKG", rows);
        Guest guest = TestHotels.guest(hotel, "random@example.com");

        List<Booking> stays = new ArrayList<>();
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Stay stay = Stay.of(first, first.plusDays(1 + random.nextInt(6)));
            int children = random.nextInt(3);
            List<Integer> ages = new ArrayList<>();
            for (int c = 0; c < children; c++) {
                ages.add(random.nextInt(0, 18));
            }
            Occupancy occupancy = random.nextInt(5) == 0 ? Occupancy.of(1 + random.nextInt(3), children)
                    : Occupancy.of(1 + random.nextInt(3), ages);
            Offer offer = hotel.availability().search(new AvailabilityQuery(property.id(), stay, occupancy, "FAM", "PKG"))
                    .offers().getFirst();
            Booking booking = hotel.bookings().book(BookingRequest.of(property.id(), guest.id(), "FAM", "PKG", stay, occupancy), null);
            assertThat(booking.occupancy()).isEqualTo(occupancy);
            assertThat(booking.total()).as("seed %d: the booking's total is the offer's", seed).isEqualTo(offer.total());
            hotel.frontDesk().checkIn(property.id(), booking.id(), null);
            stays.add(booking);
            offers.add(offer);
        }
        for (int night = 0; night < 6; night++) {
            for (Booking booking : stays) {
                if (random.nextInt(3) == 0 && booking.stay().includesNight(hotel.inventory().property(property.id()).businessDate())) {
                    String category = List.of("bar", "minibar", "parking", "spa", "laundry").get(random.nextInt(5));
                    hotel.folioCharges().charge(property.id(), booking.id(), "Extra", Money.ofMinor(random.nextInt(100, 9_000), eur),
                            category, null, null);
                }
            }
            hotel.nightAudit().close(property.id());
            clock.advance(Duration.ofDays(1));
        }

        Rounding rounding = property.rounding();
        for (int i = 0; i < stays.size(); i++) {
            Booking booking = stays.get(i);
            Offer offer = offers.get(i);
            String where = "seed " + seed + ", booking " + i + " (" + booking.occupancy() + ", " + booking.stay() + ")";
            Folio folio = hotel.folioCharges().folio(property.id(), booking.id());
            List<FolioLine> stayLines = folio.lines().stream().filter(line -> line.reference() != null && line.kind().isCharge()
                    && !line.reference().startsWith("tax:extra:")).toList();
            Money stayCharges = stayLines.stream().map(FolioLine::amount).reduce(Money.zero(eur), Money::plus);
            assertThat(stayCharges).as(where + ": the nights charged against the offer's total").isEqualTo(offer.total());

            TaxPolicy.Split split = hotel.engine().split(property.id(), offer, booking.occupancy());
            assertThat(split.total()).as(where + ": the split's total").isEqualTo(offer.total());
            for (TaxPolicy.ChargeTotal charge : split.charges()) {
                FolioLineKind kind = switch (charge.kind()) {
                    case ROOM -> FolioLineKind.ROOM;
                    case PACKAGE -> FolioLineKind.PACKAGE;
                    case CITY_TAX -> FolioLineKind.CITY_TAX;
                    case VAT -> throw new AssertionError("VAT is in its charge");
                };
                Money posted = stayLines.stream().filter(line -> line.kind() == kind && line.category().equals(charge.category()))
                        .map(FolioLine::amount).reduce(Money.zero(eur), Money::plus);
                Money vatPosted = stayLines.stream().filter(line -> line.kind() == FolioLineKind.TAX && kind != FolioLineKind.CITY_TAX
                        && line.category().equals(charge.category())).map(FolioLine::amount).reduce(Money.zero(eur), Money::plus);
                assertThat(posted).as(where + ": " + charge.code() + " in the offer and on the folio").isEqualTo(charge.amount());
                assertThat(vatPosted).as(where + ": VAT on " + charge.code()).isEqualTo(charge.vatOnTop());
            }
            Map<BigDecimal, Money> offerVat = new TreeMap<>();
            split.vat().forEach(rate -> offerVat.put(rate.percent(), rate.vat()));
            assertThat(vatByRate(stayLines, taxes, rounding)).as(where + ": VAT per rate, offer and folio").isEqualTo(offerVat);

            Invoice invoice = hotel.invoices().issue(property.id(), booking.id(), null);
            assertThat(invoice.total()).as(where + ": invoice against the folio's charges").isEqualTo(folio.charges());
            Map<BigDecimal, Money> invoiceVat = new TreeMap<>();
            invoice.vatBreakdown().forEach(rate -> invoiceVat.put(rate.percent(), rate.vat()));
            Map<BigDecimal, Money> folioVat = vatByRate(folio.lines().stream().filter(line -> line.kind().isCharge()).toList(), taxes,
                    rounding);
            assertThat(invoiceVat).as(where + ": invoice VAT per rate against the folio's lines").isEqualTo(folioVat);
            assertThat(invoice.vat()).isEqualTo(folioVat.values().stream().reduce(Money.zero(eur), Money::plus));
            invoice.vatBreakdown().forEach(rate -> assertThat(rate.net().plus(rate.vat())).isEqualTo(rate.gross()));
            Invoice credit = hotel.invoices().credit(property.id(), invoice.id(), null);
            assertThat(invoice.vat().plus(credit.vat()).isZero()).as(where + ": invoice and credit note VAT").isTrue();
        }
    }

    /** The VAT of lines per rate, worked out from each line alone: a tax line is VAT; a charge with a rate contains it when included. */
    private static Map<BigDecimal, Money> vatByRate(List<FolioLine> lines, TaxPolicy taxes, Rounding rounding) {
        Map<BigDecimal, Money> vat = new HashMap<>();
        for (FolioLine line : lines) {
            if (line.vatPercent() == null) {
                continue;
            }
            Money amount = line.kind() == FolioLineKind.TAX ? line.amount()
                    : taxes.vatIncluded() ? rounding.includedVat(line.amount(), line.vatPercent()) : Money.zero(line.amount().currency());
            vat.merge(line.vatPercent(), amount, Money::plus);
        }
        return new TreeMap<>(vat);
    }

    private static BigDecimal percent(SplittableRandom random) {
        return BigDecimal.valueOf(random.nextInt(0, 250_000), 4); // 0 to 25 %, four decimals
    }
}
