package io.hotelkit.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.guests.Guest;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.HotelException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random weeks of a random hotel (VAT included or on top at odd rates, city tax, two cancellation policies):
 * bookings made days ahead, deposits, check-ins, extras (some dated back), payments by every method, refunds,
 * cancellations with and without fees, no-shows, check-outs, invoices and credit notes, and the night audit
 * every night. After each night: the day's journal balances, the trial balance's closing is the next day's
 * opening and the sum of every folio's balance, and the report's parts add up to its trial balance. A
 * failure names its seed and day.
 */
class BooksBalanceTest {

    private static final int DAYS = 14;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void every_day_the_books_balance(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MutableClock clock = MutableClock.at("2026-12-01T23:00:00Z");
        Hotel hotel = TestHotels.seeded(clock, seed);
        BigDecimal vat = BigDecimal.valueOf(random.nextInt(0, 250_000), 4);
        Property property = hotel.inventory().createProperty(new NewProperty("B" + seed, "Books", ZoneId.of("UTC"),
                Money.currency("EUR"), LocalTime.of(14, 0), LocalTime.NOON, 30,
                new TaxPolicy(vat, random.nextBoolean(), Money.ofMinor(random.nextInt(0, 400), Money.currency("EUR"))),
                LocalDate.parse("2026-12-01")));
        PropertyId id = property.id();
        hotel.inventory().addRoomType(id, "ROOM", "Room", 4, 2, 5, 2, 0);
        for (int n = 1; n <= 6; n++) {
            hotel.inventory().addRoom(id, "R" + n, "ROOM", null);
        }
        hotel.rates().addRatePlan(id, "FREE", "Free cancellation", null, CancellationPolicy.freeCancellation(), null);
        hotel.rates().addRatePlan(id, "FLEX", "First night if late", null,
                new CancellationPolicy(2, CancellationPolicy.Penalty.FIRST_NIGHT, null), null);
        LocalDate first = property.businessDate();
        for (String plan : List.of("FREE", "FLEX")) {
            List<PriceRow> rows = new ArrayList<>();
            for (int night = 0; night < DAYS + 10; night++) {
                rows.add(new PriceRow("ROOM", DateRange.of(first.plusDays(night), first.plusDays(night + 1)),
                        Money.ofMinor(random.nextInt(3_000, 40_000), property.currency()),
                        Money.ofMinor(random.nextInt(0, 5_000), property.currency()),
                        Money.ofMinor(random.nextInt(0, 3_000), property.currency()), null, null, false, false, false));
            }
            hotel.rates().setPrices(id, plan, rows);
        }
        Guest guest = TestHotels.guest(hotel, "books@example.com");
        FinanceReports books = hotel.financeReports();

        for (int day = 0; day < DAYS; day++) {
            LocalDate today = hotel.inventory().property(id).businessDate();
            String where = "seed " + seed + ", " + today;
            for (int n = random.nextInt(3); n > 0; n--) {
                LocalDate arrival = today.plusDays(random.nextInt(4));
                Stay stay = Stay.of(arrival, arrival.plusDays(1 + random.nextInt(4)));
                try {
                    Booking booking = hotel.bookings().book(BookingRequest.of(id, guest.id(), "ROOM",
                            random.nextBoolean() ? "FREE" : "FLEX", stay, Occupancy.of(1 + random.nextInt(3), random.nextInt(2))), null);
                    if (random.nextInt(3) == 0) {
                        pay(hotel, id, booking, Money.ofMinor(random.nextInt(1_000, 20_000), property.currency()), random);
                    }
                } catch (HotelException full) {
                    // sold out: another day
                }
            }
            for (Booking booking : bookings(hotel, id)) {
                Folio folio = hotel.folioCharges().folio(id, booking.id());
                if (booking.status() == BookingStatus.CONFIRMED && booking.stay().checkin().equals(today) && random.nextInt(8) > 0) {
                    try {
                        hotel.frontDesk().checkIn(id, booking.id(), null);
                    } catch (HotelException notReady) {
                        // left for the night audit's no-show
                    }
                } else if (booking.status() == BookingStatus.CONFIRMED && booking.stay().checkin().isAfter(today)
                        && random.nextInt(10) == 0) {
                    hotel.cancellations().cancel(id, booking.id(), "plans changed");
                } else if (booking.status() == BookingStatus.CHECKED_IN && random.nextInt(3) == 0) {
                    LocalDate on = random.nextInt(4) == 0 && today.isAfter(first) ? today.minusDays(1) : null;
                    hotel.folioCharges().charge(id, booking.id(), "Bar", Money.ofMinor(random.nextInt(100, 9_000),
                            property.currency()), "bar", on, null);
                } else if (booking.status() != BookingStatus.CHECKED_IN && folio.balance().isNegative() && random.nextBoolean()) {
                    refundAll(hotel, id, booking, folio.balance().negate());
                }
                if (random.nextInt(6) == 0) {
                    List<Payment> paid = hotel.payments().payments(id, booking.id()).stream()
                            .filter(payment -> payment.refundable().isPositive()).toList();
                    if (!paid.isEmpty()) {
                        Payment payment = paid.get(random.nextInt(paid.size()));
                        hotel.payments().refund(id, payment.id(),
                                Money.ofMinor(random.nextLong(1, payment.refundable().minorUnits() + 1), property.currency()), null);
                    }
                }
            }
            for (Booking booking : bookings(hotel, id)) {
                if (booking.status() == BookingStatus.CHECKED_IN && booking.stay().checkout().equals(today)) {
                    checkOut(hotel, id, booking, random);
                }
            }
            hotel.nightAudit().close(id);
            clock.advance(Duration.ofDays(1));
            for (int n = 1; n <= 6; n++) {
                hotel.inventory().setHousekeeping(id, "R" + n, HousekeepingStatus.CLEAN);
            }

            Journal journal = books.journal(id, today);
            assertThat(journal.balances()).as(where + ": debits " + journal.debits() + " credits " + journal.credits()).isTrue();
            FinanceReport report = books.report(id, today);
            FinanceReport next = books.report(id, today.plusDays(1));
            Money folios = bookings(hotel, id).stream().map(b -> hotel.folioCharges().folio(id, b.id()).balance())
                    .reduce(Money.zero(property.currency()), Money::plus);
            assertThat(report.trialBalance().closing()).as(where + ": closing against the folios' balances").isEqualTo(folios);
            assertThat(next.trialBalance().opening()).as(where + ": closing against the next day's opening")
                    .isEqualTo(report.trialBalance().closing());
            assertThat(report.guestLedgerTotal()).as(where + ": guest ledger").isEqualTo(report.trialBalance().closing());
            assertThat(report.guestLedger().stream().map(FinanceReport.LedgerRow::balance)
                    .reduce(Money.zero(property.currency()), Money::plus)).as(where + ": guest ledger rows").isEqualTo(folios);
            Money revenue = report.revenue().stream().map(FinanceReport.RevenueRow::gross)
                    .reduce(report.cityTax(), Money::plus);
            assertThat(revenue).as(where + ": revenue and city tax against the day's charges")
                    .isEqualTo(report.trialBalance().charges());
            Money taken = report.payments().stream().map(FinanceReport.PaymentRow::net)
                    .reduce(Money.zero(property.currency()), Money::plus);
            assertThat(taken).as(where + ": payments by method").isEqualTo(report.trialBalance().payments());
            Journal.AccountTotal ledger = journal.accounts().stream().filter(a -> a.account().equals(Journal.GUEST_LEDGER))
                    .findFirst().orElse(new Journal.AccountTotal(Journal.GUEST_LEDGER, Money.zero(property.currency()),
                            Money.zero(property.currency())));
            assertThat(ledger.debit().minus(ledger.credit())).as(where + ": the journal's guest ledger movement")
                    .isEqualTo(report.trialBalance().closing().minus(report.trialBalance().opening()));
        }
        assertThat(kinds(hotel, id).keySet()).as("seed " + seed + ": what the weeks posted")
                .contains(FolioLineKind.ROOM, FolioLineKind.EXTRA, FolioLineKind.PAYMENT, FolioLineKind.REFUND);
    }

    private static Map<FolioLineKind, Long> kinds(Hotel hotel, PropertyId id) {
        return bookings(hotel, id).stream().flatMap(b -> hotel.folioCharges().folio(id, b.id()).lines().stream())
                .collect(Collectors.groupingBy(FolioLine::kind, Collectors.counting()));
    }

    private static List<Booking> bookings(Hotel hotel, PropertyId id) {
        return hotel.storage().bookings().list(BookingFilter.ofProperty(id), null, 10_000);
    }

    private static void pay(Hotel hotel, PropertyId id, Booking booking, Money amount, SplittableRandom random) {
        PaymentMethod method = switch (random.nextInt(3)) {
            case 0 -> PaymentMethod.CARD;
            case 1 -> PaymentMethod.CASH;
            default -> PaymentMethod.BANK_TRANSFER;
        };
        Payment payment = hotel.payments().pay(id, booking.id(), amount, method, method == PaymentMethod.CARD ? "tok_visa" : null, null);
        assertThat(payment.status()).isEqualTo(Payment.Status.CAPTURED);
    }

    /** Gives back a credit balance, from the payments that made it. */
    private static void refundAll(Hotel hotel, PropertyId id, Booking booking, Money owed) {
        Money left = owed;
        for (Payment payment : hotel.payments().payments(id, booking.id())) {
            if (left.isZero()) {
                return;
            }
            Money back = payment.refundable().compareTo(left) < 0 ? payment.refundable() : left;
            if (back.isPositive()) {
                hotel.payments().refund(id, payment.id(), back, null);
                left = left.minus(back);
            }
        }
    }

    /** Settles the folio, checks out, invoices; now and then credits the invoice and invoices again. */
    private static void checkOut(Hotel hotel, PropertyId id, Booking booking, SplittableRandom random) {
        Folio folio = hotel.folioCharges().folio(id, booking.id());
        if (folio.balance().isPositive()) {
            pay(hotel, id, booking, folio.balance(), random);
        } else if (folio.balance().isNegative()) {
            refundAll(hotel, id, booking, folio.balance().negate());
        }
        hotel.frontDesk().checkOut(id, booking.id());
        Invoice invoice = hotel.invoices().issue(id, booking.id(), null);
        if (random.nextInt(4) == 0) {
            hotel.invoices().credit(id, invoice.id(), null);
            hotel.invoices().issue(id, booking.id(), null);
        }
    }
}
