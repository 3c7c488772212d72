package io.hotelkit.billing;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.Property;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.FolioWindows;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Folio windows and routing, check-out with a company's window, the company's account and its ageing, moves and corrections. */
class FolioWindowsTest {

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private Hotel hotel;
    private Property lisbon;
    private Company acme;

    @BeforeEach
    void hotel() {
        hotel = TestHotels.seeded(clock, 15);
        lisbon = TestHotels.lisbon(hotel);
        acme = hotel.cityLedger().create(lisbon.id(), profile("Acme Lda", "1000.00"), null);
    }

    private static CityLedger.Profile profile(String name, String limit) {
        return new CityLedger.Profile(Company.Kind.COMPANY, name, new Company.Address("Rua Augusta 1", null, "1100-048", "Lisboa", "PT"),
                "PT500000000", eur(limit));
    }

    private Booking inHouse(String checkin, String checkout) {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", Stay.of(checkin, checkout));
        return hotel.frontDesk().checkIn(lisbon.id(), booking.id(), null);
    }

    private void closeDay() {
        LocalDate date = hotel.inventory().property(lisbon.id()).businessDate();
        clock.set(date.atTime(23, 30).atZone(lisbon.timezone()).toInstant());
        hotel.nightAudit().close(lisbon.id());
        clock.advance(Duration.ofHours(11));
    }

    private FolioWindows windows() {
        return hotel.folioWindows();
    }

    @Test
    void the_night_audit_posts_the_room_to_the_company_window_and_the_rest_to_the_guest() {
        Booking booking = inHouse("2026-12-01", "2026-12-03");
        Folio company = windows().open(lisbon.id(), booking.id(), Payer.company(acme.id()), null);
        windows().route(lisbon.id(), booking.id(), company.window(), List.of(RoutingRule.of(FolioLineKind.ROOM), RoutingRule.of(FolioLineKind.TAX)));
        Folio bar = windows().open(lisbon.id(), booking.id(), Payer.person("Rui Costa"), null);
        windows().route(lisbon.id(), booking.id(), bar.window(), List.of(RoutingRule.extras("bar")));

        closeDay();
        hotel.folioCharges().charge(lisbon.id(), booking.id(), "Gin", eur("12.50"), "bar", null, null);
        hotel.folioCharges().charge(lisbon.id(), booking.id(), "Minibar", eur("4.00"), "minibar", null, null);

        List<Folio> all = windows().windows(lisbon.id(), booking.id());
        assertThat(all).extracting(Folio::window).containsExactly(1, 2, 3);
        assertThat(all.get(0).lines()).extracting(FolioLine::kind).containsExactly(FolioLineKind.CITY_TAX, FolioLineKind.EXTRA);
        assertThat(all.get(0).balance()).isEqualTo(eur("8.00"));
        assertThat(all.get(1).lines()).extracting(FolioLine::kind).containsExactly(FolioLineKind.ROOM, FolioLineKind.TAX);
        assertThat(all.get(1).balance()).isEqualTo(eur("110.00"));
        assertThat(all.get(2).balance()).isEqualTo(eur("12.50"));
        // the guest's folio, as every route before windows showed it, is window 1
        assertThat(hotel.folioCharges().folio(lisbon.id(), booking.id())).isEqualTo(all.get(0));
    }

    @Test
    void routing_the_same_charges_to_another_window_takes_them_off_the_first() {
        Booking booking = inHouse("2026-12-01", "2026-12-03");
        Folio two = windows().open(lisbon.id(), booking.id(), Payer.person("Rui Costa"), null);
        Folio three = windows().open(lisbon.id(), booking.id(), Payer.company(acme.id()), null);
        windows().route(lisbon.id(), booking.id(), two.window(), List.of(RoutingRule.of(FolioLineKind.EXTRA)));
        windows().route(lisbon.id(), booking.id(), three.window(), List.of(RoutingRule.extras("parking")));

        assertThat(windows().window(lisbon.id(), booking.id(), 2).routes()).isEmpty();
        assertThatThrownBy(() -> windows().route(lisbon.id(), booking.id(), 1, List.of(RoutingRule.of(FolioLineKind.ROOM))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("window"));
        assertThatThrownBy(() -> windows().route(lisbon.id(), booking.id(), 2,
                List.of(RoutingRule.of(FolioLineKind.EXTRA), RoutingRule.extras("bar"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("routes"));
    }

    @Test
    void check_out_needs_every_guest_window_at_zero_and_bills_the_company_window_to_its_account() {
        Booking booking = inHouse("2026-12-01", "2026-12-02");
        Folio company = windows().open(lisbon.id(), booking.id(), Payer.company(acme.id()), null);
        windows().route(lisbon.id(), booking.id(), company.window(), List.of(RoutingRule.of(FolioLineKind.ROOM), RoutingRule.of(FolioLineKind.TAX)));
        Folio person = windows().open(lisbon.id(), booking.id(), Payer.person("Rui Costa"), null);
        windows().route(lisbon.id(), booking.id(), person.window(), List.of(RoutingRule.of(FolioLineKind.EXTRA)));
        closeDay();
        hotel.folioCharges().charge(lisbon.id(), booking.id(), "Lunch", eur("20.00"), "restaurant", null, null);
        hotel.payments().pay(lisbon.id(), booking.id(), eur("4.00"), PaymentMethod.CASH, null, null);

        assertThatThrownBy(() -> hotel.frontDesk().checkOut(lisbon.id(), booking.id()))
                .isInstanceOf(BalanceNotZeroException.class).hasMessageContaining("folio window 3").hasMessageContaining("20.00");
        assertThat(hotel.cityLedger().company(lisbon.id(), acme.id()).entries()).isEmpty();

        // the guest pays the lunch for the person: moved to window 1, paid there
        FolioLine lunch = windows().window(lisbon.id(), booking.id(), 3).lines().getFirst();
        windows().move(lisbon.id(), booking.id(), 3, lunch.id(), booking.id(), 1, null);
        hotel.payments().pay(lisbon.id(), booking.id(), eur("20.00"), PaymentMethod.CASH, null, null);
        hotel.frontDesk().checkOut(lisbon.id(), booking.id());

        Company billed = hotel.cityLedger().company(lisbon.id(), acme.id());
        assertThat(billed.balance()).isEqualTo(eur("110.00"));
        assertThat(billed.openItems()).singleElement().satisfies(item -> assertThat(item.owed()).isEqualTo(eur("110.00")));
        Invoice invoice = hotel.invoices().invoice(lisbon.id(), billed.openItems().getFirst().invoiceId());
        assertThat(invoice.companyId()).isEqualTo(acme.id());
        assertThat(invoice.window()).isEqualTo(2);
        assertThat(invoice.total()).isEqualTo(eur("110.00"));
        assertThat(invoice.vat()).isEqualTo(eur("10.00"));
        assertThat(hotel.invoices().status(invoice)).isEqualTo(InvoiceService.Status.OUTSTANDING);
        assertThat(windows().windows(lisbon.id(), booking.id())).allSatisfy(folio -> assertThat(folio.balance().isZero()).isTrue());

        hotel.cityLedger().recordPayment(lisbon.id(), acme.id(), eur("110.00"), PaymentMethod.BANK_TRANSFER, "TRF 42", null, null);
        assertThat(hotel.cityLedger().company(lisbon.id(), acme.id()).balance()).isEqualTo(eur("0.00"));
        assertThat(hotel.invoices().status(invoice)).isEqualTo(InvoiceService.Status.PAID);
    }

    @Test
    void a_charge_over_the_credit_limit_is_refused_naming_the_limit_and_the_audit_posts_it_to_the_guest_instead() {
        Company small = hotel.cityLedger().create(lisbon.id(), profile("Small Lda", "50.00"), null);
        Booking booking = inHouse("2026-12-01", "2026-12-03");
        Folio company = windows().open(lisbon.id(), booking.id(), Payer.company(small.id()), null);
        windows().route(lisbon.id(), booking.id(), company.window(), List.of(RoutingRule.of(FolioLineKind.ROOM), RoutingRule.of(FolioLineKind.EXTRA)));

        hotel.folioCharges().charge(lisbon.id(), booking.id(), "Parking", eur("30.00"), "parking", null, null);
        assertThatThrownBy(() -> hotel.folioCharges().charge(lisbon.id(), booking.id(), "Dinner", eur("25.00"), "restaurant", null, null))
                .isInstanceOf(CreditLimitExceededException.class).hasMessageContaining("credit limit of 50.00");
        closeDay();

        assertThat(windows().window(lisbon.id(), booking.id(), 2).balance()).isEqualTo(eur("30.00"));
        assertThat(windows().window(lisbon.id(), booking.id(), 1).lines()).extracting(FolioLine::kind)
                .contains(FolioLineKind.ROOM);
    }

    @Test
    void a_move_reverses_the_charge_on_its_window_and_posts_it_on_another_booking_and_both_trails_show_it() {
        Booking first = inHouse("2026-12-01", "2026-12-03");
        Booking second = inHouse("2026-12-01", "2026-12-03");
        FolioLine dinner = hotel.folioCharges().charge(lisbon.id(), first.id(), "Dinner", eur("45.30"), "restaurant", null, null);

        FolioWindows.Move move = windows().move(lisbon.id(), first.id(), 1, dinner.id(), second.id(), 1, null);

        assertThat(move.out().kind()).isEqualTo(FolioLineKind.TRANSFER);
        assertThat(move.out().amount()).isEqualTo(eur("-45.30"));
        assertThat(move.in().kind()).isEqualTo(FolioLineKind.EXTRA);
        assertThat(move.in().amount()).isEqualTo(eur("45.30"));
        assertThat(hotel.folioCharges().folio(lisbon.id(), first.id()).balance()).isEqualTo(eur("0.00"));
        assertThat(hotel.folioCharges().folio(lisbon.id(), second.id()).balance()).isEqualTo(eur("45.30"));
        assertThat(hotel.folioCharges().folio(lisbon.id(), first.id()).lines()).hasSize(2);
        assertThat(history(first)).contains(EventType.CHARGE_MOVED);
        assertThat(history(second)).contains(EventType.CHARGE_MOVED);
        assertThatThrownBy(() -> windows().move(lisbon.id(), first.id(), 1, dinner.id(), second.id(), 1, null))
                .isInstanceOf(CorrectionRefusedException.class);
        FolioLine transfer = move.out();
        assertThatThrownBy(() -> windows().move(lisbon.id(), first.id(), 1, transfer.id(), second.id(), 1, null))
                .isInstanceOf(CorrectionRefusedException.class).hasMessageContaining("only charges");
    }

    @Test
    void a_void_on_the_business_date_reverses_the_line_and_after_the_audit_it_is_refused_pointing_to_an_allowance() {
        Booking booking = inHouse("2026-12-01", "2026-12-04");
        FolioLine wrong = hotel.folioCharges().charge(lisbon.id(), booking.id(), "Minibar", eur("9.99"), "minibar", null, null);
        FolioLine late = hotel.folioCharges().charge(lisbon.id(), booking.id(), "Spa", eur("80.00"), "spa", null, null);

        FolioLine voided = windows().voidLine(lisbon.id(), booking.id(), 1, wrong.id(), "posted to the wrong room", null);
        assertThat(voided.kind()).isEqualTo(FolioLineKind.VOID);
        assertThat(voided.amount()).isEqualTo(eur("-9.99"));
        assertThat(voided.correctedLineId()).isEqualTo(wrong.id());
        assertThatThrownBy(() -> windows().voidLine(lisbon.id(), booking.id(), 1, wrong.id(), "again", null))
                .isInstanceOf(CorrectionRefusedException.class);

        closeDay();
        assertThatThrownBy(() -> windows().voidLine(lisbon.id(), booking.id(), 1, late.id(), "guest complained", null))
                .isInstanceOfSatisfying(CorrectionRefusedException.class, e -> assertThat(e.code()).isEqualTo("business-date-closed"))
                .hasMessageContaining("allowance");

        FolioLine allowance = windows().allowance(lisbon.id(), booking.id(), 1, late.id(), eur("30.00"), "treatment cut short", null);
        assertThat(allowance.kind()).isEqualTo(FolioLineKind.ALLOWANCE);
        assertThat(allowance.amount()).isEqualTo(eur("-30.00"));
        assertThatThrownBy(() -> windows().allowance(lisbon.id(), booking.id(), 1, late.id(), eur("50.01"), "more", null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> windows().allowance(lisbon.id(), booking.id(), 1, late.id(), eur("10.00"), " ", null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        windows().allowance(lisbon.id(), booking.id(), 1, late.id(), eur("50.00"), "the rest", null);
        Folio folio = hotel.folioCharges().folio(lisbon.id(), booking.id());
        assertThat(folio.remainderOf(late)).isEqualTo(eur("0.00"));
        assertThat(history(booking)).contains(EventType.LINE_VOIDED, EventType.ALLOWANCE_POSTED);
    }

    @Test
    void a_partial_credit_note_credits_chosen_amounts_leaves_the_invoice_unchanged_and_takes_them_off_the_folio() {
        Booking booking = inHouse("2026-12-01", "2026-12-02");
        FolioLine spa = hotel.folioCharges().charge(lisbon.id(), booking.id(), "Spa", eur("80.00"), "spa", null, null);
        FolioLine bar = hotel.folioCharges().charge(lisbon.id(), booking.id(), "Bar", eur("15.00"), "bar", null, null);
        Invoice invoice = hotel.invoices().issue(lisbon.id(), booking.id(), null);

        Invoice note = hotel.invoices().credit(lisbon.id(), invoice.id(), List.of(new InvoiceService.CreditLine(spa.id(), eur("20.00")),
                new InvoiceService.CreditLine(bar.id(), null)), "goodwill", null);

        assertThat(note.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(note.total()).isEqualTo(eur("-35.00"));
        assertThat(hotel.invoices().invoice(lisbon.id(), invoice.id())).isEqualTo(invoice);
        assertThat(hotel.folioCharges().folio(lisbon.id(), booking.id()).balance()).isEqualTo(eur("60.00"));
        assertThatThrownBy(() -> hotel.invoices().credit(lisbon.id(), invoice.id(),
                List.of(new InvoiceService.CreditLine(bar.id(), eur("0.01"))), "again", null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("lines"));
        assertThatThrownBy(() -> hotel.invoices().credit(lisbon.id(), invoice.id(), null))
                .isInstanceOf(InvoiceRefusedException.class);
        // the allowances the credit note posted are on the credit note, not invoiced again
        assertThatThrownBy(() -> hotel.invoices().issue(lisbon.id(), booking.id(), null)).isInstanceOf(InvoiceRefusedException.class);
    }

    @Test
    void payments_on_account_go_to_the_oldest_invoices_and_the_ageing_puts_each_invoice_in_its_bucket() {
        Money[] bills = {eur("110.00"), eur("110.00"), eur("110.00")};
        for (int i = 0; i < bills.length; i++) {
            Booking booking = inHouse(hotel.inventory().property(lisbon.id()).businessDate().toString(),
                    hotel.inventory().property(lisbon.id()).businessDate().plusDays(1).toString());
            Folio company = windows().open(lisbon.id(), booking.id(), Payer.company(acme.id()), null);
            windows().route(lisbon.id(), booking.id(), company.window(), List.of(RoutingRule.of(FolioLineKind.ROOM),
                    RoutingRule.of(FolioLineKind.TAX), RoutingRule.of(FolioLineKind.CITY_TAX)));
            closeDay();
            hotel.frontDesk().checkOut(lisbon.id(), booking.id());
        }
        hotel.cityLedger().recordPayment(lisbon.id(), acme.id(), eur("150.00"), PaymentMethod.BANK_TRANSFER, null, null, null);

        Company paid = hotel.cityLedger().company(lisbon.id(), acme.id());
        assertThat(paid.balance()).isEqualTo(eur("192.00"));
        assertThat(paid.openItems()).extracting(Company.OpenItem::owed).containsExactly(eur("78.00"), eur("114.00"));

        LocalDate first = paid.openItems().getFirst().issued();
        CityLedger.AgeingReport ageing = hotel.cityLedger().ageing(lisbon.id(), first.plusDays(31));
        CityLedger.Ageing line = ageing.companies().getFirst();
        assertThat(line.days31To60()).isEqualTo(eur("78.00"));
        assertThat(line.days0To30()).isEqualTo(eur("114.00"));
        assertThat(ageing.total().balance()).isEqualTo(eur("192.00"));
        CityLedger.Ageing later = hotel.cityLedger().ageing(lisbon.id(), first.plusDays(91)).companies().getFirst();
        assertThat(later.over90()).isEqualTo(eur("78.00"));
        assertThat(later.days61To90()).isEqualTo(eur("114.00"));
        assertThat(CityLedger.bucket(30)).isZero();
        assertThat(CityLedger.bucket(31)).isEqualTo(1);
        assertThat(CityLedger.bucket(90)).isEqualTo(2);
        assertThat(CityLedger.bucket(91)).isEqualTo(3);

        assertThatThrownBy(() -> hotel.cityLedger().recordPayment(lisbon.id(), acme.id(), eur("10.00"), PaymentMethod.BANK_TRANSFER, null,
                List.of(new CityLedger.Allocation(paid.openItems().getFirst().invoiceId(), eur("78.01"))), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("allocations"));
        assertThat(hotel.cityLedger().company(lisbon.id(), acme.id())).isEqualTo(paid);
        assertThat(hotel.cityLedger().balances(lisbon.id(), LocalDate.parse("2026-12-01"))).isEmpty();
        assertThat(hotel.cityLedger().balances(lisbon.id(), LocalDate.parse("2027-01-01"))).singleElement()
                .extracting(CityLedger.Balance::balance).isEqualTo(eur("192.00"));
    }

    @Test
    void a_company_that_was_billed_cannot_be_removed_and_one_never_used_can() {
        Company unused = hotel.cityLedger().create(lisbon.id(), profile("Unused SA", "0.00"), null);
        hotel.cityLedger().delete(lisbon.id(), unused.id());
        assertThat(hotel.cityLedger().companies(lisbon.id(), null, 10)).extracting(Company::id).containsExactly(acme.id());
        Booking booking = inHouse("2026-12-01", "2026-12-02");
        windows().open(lisbon.id(), booking.id(), Payer.company(acme.id()), null);
        assertThatThrownBy(() -> hotel.cityLedger().delete(lisbon.id(), acme.id())).isInstanceOf(CityLedger.CompanyInUseException.class);
    }

    private List<EventType> history(Booking booking) {
        return hotel.storage().outbox().history(lisbon.id(), "folio", booking.id().value(), Long.MAX_VALUE, 100).stream()
                .map(Outbox.StoredEvent::event).map(event -> event.type()).toList();
    }
}
