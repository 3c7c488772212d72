package io.hotelkit.reporting;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.inventory.Property;
import io.hotelkit.reservations.Booking;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One stay in Lisbon (10 % VAT on top, city tax 2.00 a person-night) worked out by hand: a deposit the day
 * before arrival, two nights, a bar bill, a card payment with a partial refund.
 */
class FinanceReportsTest {

    private static final LocalDate DEPOSIT_DAY = LocalDate.parse("2026-12-01");
    private static final LocalDate ARRIVAL = LocalDate.parse("2026-12-02");
    private static final LocalDate SECOND_NIGHT = LocalDate.parse("2026-12-03");

    private final MutableClock clock = MutableClock.at("2026-12-01T20:00:00Z");
    private final Hotel hotel = TestHotels.seeded(clock, 7);
    private PropertyId property;
    private Booking booking;

    @BeforeEach
    void a_stay_with_a_deposit_extras_and_a_refund() {
        Property lisbon = TestHotels.lisbon(hotel);
        property = lisbon.id();
        booking = TestHotels.book(hotel, lisbon, "DBL", TestHotels.stay("2026-12-02", "2026-12-04"));
        hotel.payments().pay(property, booking.id(), eur("50.00"), PaymentMethod.CASH, null, null);
        closeDay();
        hotel.frontDesk().checkIn(property, booking.id(), null);
        hotel.folioCharges().charge(property, booking.id(), "Bar", eur("12.50"), "bar", null, null);
        closeDay();
        Payment card = hotel.payments().pay(property, booking.id(), eur("100.00"), PaymentMethod.CARD, "tok_visa", null);
        hotel.payments().refund(property, card.id(), eur("20.00"), null);
        closeDay();
    }

    @Test
    void a_deposit_before_arrival_is_held_and_owed_back_by_the_guest_ledger() {
        FinanceReport day = hotel.financeReports().report(property, DEPOSIT_DAY);

        assertThat(day.trialBalance()).isEqualTo(new FinanceReport.TrialBalance(eur("0.00"), eur("0.00"), eur("50.00"), eur("-50.00")));
        assertThat(day.depositsHeld()).isEqualTo(eur("50.00"));
        assertThat(day.revenue()).isEmpty();
        assertThat(day.payments()).containsExactly(new FinanceReport.PaymentRow(PaymentMethod.CASH, eur("50.00"), eur("0.00"), eur("50.00")));
        assertThat(day.guestLedger()).singleElement().satisfies(row -> {
            assertThat(row.bookingId()).isEqualTo(booking.id());
            assertThat(row.inHouse()).isFalse();
            assertThat(row.balance()).isEqualTo(eur("-50.00"));
        });
        assertThat(day.cityLedger()).isEmpty();
    }

    @Test
    void the_first_night_is_revenue_at_its_vat_rate_and_the_city_tax_apart() {
        FinanceReport day = hotel.financeReports().report(property, ARRIVAL);

        assertThat(day.revenue()).containsExactly(
                new FinanceReport.RevenueRow("accommodation", BigDecimal.TEN, eur("100.00"), eur("10.00"), eur("110.00")),
                new FinanceReport.RevenueRow("extras", BigDecimal.ZERO, eur("12.50"), eur("0.00"), eur("12.50")));
        assertThat(day.cityTax()).isEqualTo(eur("4.00"));
        assertThat(day.trialBalance()).isEqualTo(new FinanceReport.TrialBalance(eur("-50.00"), eur("126.50"), eur("0.00"), eur("76.50")));
        assertThat(day.depositsHeld()).isEqualTo(eur("0.00"));
        assertThat(day.guestLedger()).singleElement().satisfies(row -> assertThat(row.inHouse()).isTrue());
    }

    @Test
    void payments_are_counted_by_method_net_of_refunds() {
        FinanceReport day = hotel.financeReports().report(property, SECOND_NIGHT);

        assertThat(day.payments()).containsExactly(new FinanceReport.PaymentRow(PaymentMethod.CARD, eur("100.00"), eur("20.00"), eur("80.00")));
        assertThat(day.trialBalance()).isEqualTo(new FinanceReport.TrialBalance(eur("76.50"), eur("114.00"), eur("80.00"), eur("110.50")));
        assertThat(day.guestLedgerTotal()).isEqualTo(hotel.folioCharges().folio(property, booking.id()).balance());
    }

    @Test
    void the_journal_posts_each_line_twice_and_balances() {
        Journal journal = hotel.financeReports().journal(property, ARRIVAL);

        assertThat(journal.balances()).isTrue();
        assertThat(journal.debits()).isEqualTo(eur("126.50"));
        assertThat(journal.accounts()).containsExactly(
                new Journal.AccountTotal("city_tax", eur("0.00"), eur("4.00")),
                new Journal.AccountTotal("guest_ledger", eur("126.50"), eur("0.00")),
                new Journal.AccountTotal("revenue:accommodation", eur("0.00"), eur("100.00")),
                new Journal.AccountTotal("revenue:extras", eur("0.00"), eur("12.50")),
                new Journal.AccountTotal("vat:10", eur("0.00"), eur("10.00")));
        assertThat(journal.entries()).allSatisfy(entry -> assertThat(entry.postings()).hasSize(2));
    }

    @Test
    void the_journal_credits_the_guest_ledger_with_payments_and_debits_it_with_refunds() {
        Journal journal = hotel.financeReports().journal(property, SECOND_NIGHT);

        assertThat(journal.accounts()).contains(
                new Journal.AccountTotal("payments:card", eur("100.00"), eur("20.00")),
                new Journal.AccountTotal("guest_ledger", eur("134.00"), eur("100.00")));
        assertThat(journal.balances()).isTrue();
    }

    @Test
    void the_journal_as_csv_has_a_row_per_posting() {
        Journal journal = hotel.financeReports().journal(property, DEPOSIT_DAY);
        String entry = journal.entries().getFirst().id();

        assertThat(journal.csv()).isEqualTo("date,entry_id,booking_id,kind,description,account,debit,credit,currency\r\n"
                + "2026-12-01," + entry + "," + booking.id().value() + ",payment,\"Payment, cash\",guest_ledger,,50.00,EUR\r\n"
                + "2026-12-01," + entry + "," + booking.id().value() + ",payment,\"Payment, cash\",payments:cash,50.00,,EUR\r\n");
    }

    @Test
    void the_books_of_a_day_not_yet_begun_are_refused_naming_the_date() {
        LocalDate tomorrow = hotel.inventory().property(property).businessDate().plusDays(1);

        assertThatThrownBy(() -> hotel.financeReports().report(property, tomorrow))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("date"));
        assertThatThrownBy(() -> hotel.financeReports().journal(property, tomorrow))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void a_line_dated_back_moves_that_day_and_every_closing_after_it() {
        Money before = hotel.financeReports().report(property, SECOND_NIGHT).trialBalance().closing();

        hotel.folioCharges().charge(property, booking.id(), "Minibar", eur("7.00"), "minibar", ARRIVAL, null);

        assertThat(hotel.financeReports().report(property, ARRIVAL).trialBalance().charges()).isEqualTo(eur("133.50"));
        assertThat(hotel.financeReports().report(property, SECOND_NIGHT).trialBalance().opening()).isEqualTo(eur("83.50"));
        assertThat(hotel.financeReports().report(property, SECOND_NIGHT).trialBalance().closing()).isEqualTo(before.plus(eur("7.00")));
    }

    private void closeDay() {
        hotel.nightAudit().close(property);
        clock.advance(Duration.ofDays(1));
        List.of("101", "102", "103", "104", "105").forEach(room -> hotel.inventory().setHousekeeping(property, room,
                io.hotelkit.inventory.HousekeepingStatus.CLEAN));
    }
}
