package io.hotelkit.billing;

import static io.hotelkit.testing.TestHotels.eur;
import static io.hotelkit.testing.TestHotels.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.Property;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.operations.NightAudit;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DepositPolicy;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingNotChangeableException;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Rounding;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deposits and card guarantees, path by path: what a policy asks and when, the overdue list, a free cancellation
 * refunding the deposit, a late cancellation keeping its fee from the deposit and the card, a no-show's fee
 * captured from the card, check-out capturing part of a guarantee and releasing the rest; and after each, the
 * simulated gateway's ledger equal to the payments to the cent.
 */
class DepositsAndGuaranteesTest {

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private final SimulatedPaymentGateway gateway = SimulatedPaymentGateway.reliable();
    private final AtomicInteger failNextAfterWork = new AtomicInteger();
    private Hotel hotel;
    private Property lisbon;

    @BeforeEach
    void setUp() {
        PaymentGateway flaky = new PaymentGateway() { // does the work, then loses the answer when asked to
            @Override
            public Result capture(String key, String cardToken, Money amount) {
                return lose(gateway.capture(key, cardToken, amount));
            }

            @Override
            public Result refund(String key, String captureReference, Money amount) {
                return lose(gateway.refund(key, captureReference, amount));
            }

            @Override
            public Result authorise(String key, String cardToken, Money amount) {
                return lose(gateway.authorise(key, cardToken, amount));
            }

            @Override
            public Result captureAuthorisation(String key, String authorisationReference, Money amount) {
                return lose(gateway.captureAuthorisation(key, authorisationReference, amount));
            }

            @Override
            public Result voidAuthorisation(String key, String authorisationReference) {
                return lose(gateway.voidAuthorisation(key, authorisationReference));
            }

            private Result lose(Result result) {
                if (failNextAfterWork.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new PaymentGatewayException("answer lost after the work was done");
                }
                return result;
            }
        };
        hotel = Hotel.builder().clock(clock).storage(new MemoryStorage(clock)).paymentGateway(flaky).build();
        lisbon = TestHotels.lisbon(hotel);
        // FLEX: free until 2 days before arrival, then the first night; DBL at 100.00 a night
        plan("DEP30", new CancellationPolicy(2, CancellationPolicy.Penalty.FIRST_NIGHT, null),
                DepositPolicy.daysBefore(DepositPolicy.Kind.PERCENT, new BigDecimal("30"), 7));
        plan("DEPNOW", new CancellationPolicy(2, CancellationPolicy.Penalty.FIRST_NIGHT, null),
                DepositPolicy.atBooking(DepositPolicy.Kind.FIRST_NIGHT, null));
    }

    private void plan(String code, CancellationPolicy cancellation, DepositPolicy deposit) {
        hotel.rates().addRatePlan(lisbon.id(), code, code, MealPlan.ROOM_ONLY, cancellation,
                new io.hotelkit.rates.DerivedRate("FLEX", BigDecimal.ZERO), null, deposit);
    }

    private Booking book(String ratePlan, Stay stay) {
        var guest = hotel.guests().findOrRegister(io.hotelkit.guests.NewGuest.of("Guest", "guest-" + ratePlan.toLowerCase() + "@example.com"));
        return hotel.bookings().book(BookingRequest.of(lisbon.id(), guest.id(), "DBL", ratePlan, stay, Occupancy.adults(2)), null);
    }

    // ---- policies -----------------------------------------------------------------------------------

    @Test
    void each_policy_asks_its_amount_of_the_room_prices_to_the_cent() {
        List<Money> nightly = List.of(eur("100.00"), eur("120.00"), eur("95.55"));
        Rounding rounding = Rounding.HALF_UP;
        assertThat(DepositPolicy.none().amount(nightly, rounding)).isEqualTo(eur("0.00"));
        assertThat(DepositPolicy.atBooking(DepositPolicy.Kind.FIRST_NIGHT, null).amount(nightly, rounding)).isEqualTo(eur("100.00"));
        assertThat(DepositPolicy.atBooking(DepositPolicy.Kind.FULL_STAY, null).amount(nightly, rounding)).isEqualTo(eur("315.55"));
        // a third of 315.55 is 105.1833..., rounded once
        assertThat(DepositPolicy.atBooking(DepositPolicy.Kind.PERCENT, new BigDecimal("33.3333")).amount(nightly, rounding))
                .isEqualTo(eur("105.18"));
    }

    @Test
    void a_deposit_is_due_at_booking_or_days_before_arrival_but_never_before_the_booking() {
        LocalDate booked = LocalDate.parse("2026-12-01");
        assertThat(DepositPolicy.atBooking(DepositPolicy.Kind.FULL_STAY, null).dueOn(booked, LocalDate.parse("2027-01-10")))
                .isEqualTo(booked);
        DepositPolicy weekBefore = DepositPolicy.daysBefore(DepositPolicy.Kind.FULL_STAY, null, 7);
        assertThat(weekBefore.dueOn(booked, LocalDate.parse("2027-01-10"))).isEqualTo(LocalDate.parse("2027-01-03"));
        assertThat(weekBefore.dueOn(booked, LocalDate.parse("2026-12-04"))).isEqualTo(booked);
    }

    @Test
    void a_policy_refuses_what_does_not_make_sense() {
        assertThatThrownBy(() -> new DepositPolicy(DepositPolicy.Kind.PERCENT, null, null)).hasMessageContaining("percent");
        assertThatThrownBy(() -> new DepositPolicy(DepositPolicy.Kind.PERCENT, new BigDecimal("100.01"), null))
                .hasMessageContaining("percent");
        assertThatThrownBy(() -> new DepositPolicy(DepositPolicy.Kind.FULL_STAY, BigDecimal.TEN, null)).hasMessageContaining("percent");
        assertThatThrownBy(() -> new DepositPolicy(DepositPolicy.Kind.FULL_STAY, null, -1)).hasMessageContaining("days before arrival");
        assertThatThrownBy(() -> new DepositPolicy(DepositPolicy.Kind.NONE, null, 3)).hasMessageContaining("no due date");
    }

    @Test
    void a_booking_keeps_the_deposit_it_was_made_with_when_the_plan_changes() {
        Booking booking = book("DEP30", stay("2026-12-20", "2026-12-23"));
        hotel.rates().setDepositPolicy(lisbon.id(), "DEP30", DepositPolicy.atBooking(DepositPolicy.Kind.FULL_STAY, null));

        DepositService.DepositStatus status = hotel.deposits().status(lisbon.id(), booking.id());
        assertThat(status.due()).isEqualTo(eur("90.00"));
        assertThat(status.dueOn()).isEqualTo(LocalDate.parse("2026-12-13"));
        assertThat(status.paid()).isEqualTo(eur("0.00"));
        assertThat(hotel.deposits().status(lisbon.id(), book("DEP30", stay("2026-12-20", "2026-12-21")).id()).due())
                .isEqualTo(eur("100.00"));
        assertThat(hotel.deposits().status(lisbon.id(), TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-20", "2026-12-21")).id())
                .due()).isEqualTo(eur("0.00"));
    }

    @Test
    void a_longer_stay_asks_its_deposit_again_by_the_policy_it_was_made_with() {
        Booking booking = book("DEP30", stay("2026-12-20", "2026-12-23"));
        hotel.rates().setDepositPolicy(lisbon.id(), "DEP30", DepositPolicy.none());

        hotel.bookings().modify(lisbon.id(), booking.id(), booking.version(), new io.hotelkit.reservations.BookingChanges(
                LocalDate.parse("2026-12-22"), LocalDate.parse("2026-12-27"), null, null, null, null));

        DepositService.DepositStatus status = hotel.deposits().status(lisbon.id(), booking.id());
        assertThat(status.due()).isEqualTo(eur("150.00")); // 30 % of five nights
        assertThat(status.dueOn()).isEqualTo(LocalDate.parse("2026-12-15"));
    }

    // ---- paying and overdue -------------------------------------------------------------------------

    @Test
    void a_paid_deposit_goes_on_the_folio_and_leaves_the_overdue_list() {
        Booking late = book("DEPNOW", stay("2026-12-10", "2026-12-12"));
        Booking paid = book("DEPNOW", stay("2026-12-11", "2026-12-12"));
        hotel.guarantees().payDeposit(lisbon.id(), paid.id(), eur("100.00"), PaymentMethod.CARD, "tok_visa", null);

        assertThat(hotel.deposits().overdue(lisbon.id(), TestHotels.BUSINESS_DATE))
                .extracting(DepositService.DepositStatus::bookingId).containsExactly(late.id());
        Folio folio = hotel.folioCharges().folio(lisbon.id(), paid.id());
        assertThat(folio.lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(FolioLineKind.PAYMENT);
            assertThat(line.description()).isEqualTo("Deposit, card");
            assertThat(line.amount()).isEqualTo(eur("-100.00"));
        });
        assertThat(hotel.deposits().held(lisbon.id(), TestHotels.BUSINESS_DATE).total()).isEqualTo(eur("100.00"));

        clock.advance(Duration.ofDays(1));
        NightAudit.Result audit = hotel.nightAudit().close(lisbon.id());
        assertThat(audit.overdueDeposits()).singleElement().satisfies(overdue -> {
            assertThat(overdue.bookingId()).isEqualTo(late.id());
            assertThat(overdue.outstanding()).isEqualTo(eur("100.00"));
        });
        assertLedgerEqualsPayments();
    }

    @Test
    void a_deposit_is_refused_once_the_guest_has_arrived() {
        Booking booking = book("DEPNOW", stay("2026-12-01", "2026-12-02"));
        hotel.frontDesk().checkIn(lisbon.id(), booking.id(), null);
        assertThatThrownBy(() -> hotel.guarantees().payDeposit(lisbon.id(), booking.id(), eur("10.00"), PaymentMethod.CASH, null, null))
                .isInstanceOf(BookingNotChangeableException.class);
        assertThat(hotel.payments().payments(lisbon.id(), booking.id())).isEmpty();
    }

    // ---- cancellations and no-shows -----------------------------------------------------------------

    @Test
    void a_free_cancellation_refunds_the_deposit_and_releases_the_card_by_itself() {
        Booking booking = book("DEP30", stay("2026-12-20", "2026-12-23"));
        Payment deposit = hotel.guarantees().payDeposit(lisbon.id(), booking.id(), eur("90.00"), PaymentMethod.CARD, "tok_visa", null);
        Authorisation guarantee = hotel.guarantees().guarantee(lisbon.id(), booking.id(), "tok_visa", null, null);
        assertThat(guarantee.amount()).isEqualTo(eur("100.00")); // the no-show fee (first night) is more than the deposit

        hotel.cancellations().cancel(lisbon.id(), booking.id(), "plans changed");

        assertThat(hotel.payments().payment(lisbon.id(), deposit.id()).refundable()).isEqualTo(eur("0.00"));
        assertThat(hotel.deposits().authorisation(lisbon.id(), guarantee.id()).status()).isEqualTo(Authorisation.Status.VOIDED);
        assertThat(hotel.folioCharges().folio(lisbon.id(), booking.id()).balance()).isEqualTo(eur("0.00"));
        DepositService.DepositStatus status = hotel.deposits().status(lisbon.id(), booking.id());
        assertThat(status.paid()).isEqualTo(eur("0.00"));
        assertThat(status.settledOn()).isEqualTo(TestHotels.BUSINESS_DATE);
        assertThat(hotel.deposits().held(lisbon.id(), TestHotels.BUSINESS_DATE).deposits()).isEmpty();
        assertLedgerEqualsPayments();
    }

    @Test
    void a_late_cancellation_keeps_the_fee_from_the_deposit_and_captures_the_rest_from_the_card() {
        Booking booking = book("DEP30", stay("2026-12-02", "2026-12-05")); // 1 day before: not free; fee = first night
        hotel.guarantees().payDeposit(lisbon.id(), booking.id(), eur("90.00"), PaymentMethod.CARD, "tok_visa", null);
        Authorisation guarantee = hotel.guarantees().guarantee(lisbon.id(), booking.id(), "tok_mastercard", null, null);

        hotel.cancellations().cancel(lisbon.id(), booking.id(), null);

        Authorisation captured = hotel.deposits().authorisation(lisbon.id(), guarantee.id());
        assertThat(captured.status()).isEqualTo(Authorisation.Status.CAPTURED);
        assertThat(captured.captured()).isEqualTo(eur("10.00"));
        assertThat(captured.released()).isEqualTo(eur("90.00"));
        Folio folio = hotel.folioCharges().folio(lisbon.id(), booking.id());
        assertThat(folio.charges()).isEqualTo(eur("100.00"));
        assertThat(folio.balance()).isEqualTo(eur("0.00"));
        assertLedgerEqualsPayments();
    }

    @Test
    void a_late_cancellation_refunds_what_the_deposit_holds_beyond_the_fee() {
        Booking booking = book("DEP30", stay("2026-12-02", "2026-12-05"));
        Payment deposit = hotel.guarantees().payDeposit(lisbon.id(), booking.id(), eur("250.00"), PaymentMethod.CARD, "tok_visa", null);

        hotel.cancellations().cancel(lisbon.id(), booking.id(), null);

        assertThat(hotel.payments().payment(lisbon.id(), deposit.id()).refundable()).isEqualTo(eur("100.00"));
        assertThat(hotel.folioCharges().folio(lisbon.id(), booking.id()).balance()).isEqualTo(eur("0.00"));
        assertLedgerEqualsPayments();
    }

    @Test
    void a_no_show_pays_the_policy_fee_from_the_card_guarantee() {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-01", "2026-12-03"));
        Authorisation guarantee = hotel.guarantees().guarantee(lisbon.id(), booking.id(), "tok_visa", eur("150.00"), null);

        clock.advance(Duration.ofDays(1));
        NightAudit.Result audit = hotel.nightAudit().close(lisbon.id());

        assertThat(audit.noShows()).isEqualTo(1);
        assertThat(hotel.bookings().booking(booking.id()).status()).isEqualTo(BookingStatus.NO_SHOW);
        Authorisation captured = hotel.deposits().authorisation(lisbon.id(), guarantee.id());
        assertThat(captured.captured()).isEqualTo(eur("100.00"));
        assertThat(captured.released()).isEqualTo(eur("50.00"));
        assertThat(hotel.folioCharges().folio(lisbon.id(), booking.id()).balance()).isEqualTo(eur("0.00"));
        assertLedgerEqualsPayments();
    }

    @Test
    void a_cancellation_whose_gateway_answer_was_lost_refunds_once_when_done_again() {
        Booking booking = book("DEP30", stay("2026-12-20", "2026-12-23"));
        hotel.guarantees().payDeposit(lisbon.id(), booking.id(), eur("90.00"), PaymentMethod.CARD, "tok_visa", null);

        failNextAfterWork.set(1); // the gateway refunds, but its answer never arrives
        assertThatThrownBy(() -> hotel.cancellations().cancel(lisbon.id(), booking.id(), null))
                .isInstanceOf(PaymentGatewayException.class);
        assertThat(hotel.bookings().booking(booking.id()).status()).isEqualTo(BookingStatus.CONFIRMED);

        hotel.cancellations().cancel(lisbon.id(), booking.id(), null);

        assertThat(gateway.ledger()).filteredOn(entry -> entry.kind() == SimulatedPaymentGateway.Entry.Kind.REFUND).hasSize(1);
        assertLedgerEqualsPayments();
    }

    // ---- check-out ----------------------------------------------------------------------------------

    @Test
    void check_out_captures_the_balance_from_the_guarantee_and_releases_the_rest() {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-01", "2026-12-02"));
        Authorisation guarantee = hotel.guarantees().guarantee(lisbon.id(), booking.id(), "tok_visa", eur("500.00"), null);
        hotel.frontDesk().checkIn(lisbon.id(), booking.id(), null);
        hotel.folioCharges().charge(lisbon.id(), booking.id(), "Minibar", eur("12.34"), "minibar", null, null);

        Booking out = hotel.frontDesk().checkOut(lisbon.id(), booking.id());

        assertThat(out.status()).isEqualTo(BookingStatus.CHECKED_OUT);
        Folio folio = hotel.folioCharges().folio(lisbon.id(), booking.id());
        assertThat(folio.balance()).isEqualTo(eur("0.00"));
        Authorisation captured = hotel.deposits().authorisation(lisbon.id(), guarantee.id());
        assertThat(captured.captured()).isEqualTo(folio.charges());
        assertThat(captured.released()).isEqualTo(eur("500.00").minus(folio.charges()));
        assertLedgerEqualsPayments();
    }

    @Test
    void check_out_with_more_owed_than_the_guarantee_holds_captures_nothing() {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-01", "2026-12-02"));
        Authorisation guarantee = hotel.guarantees().guarantee(lisbon.id(), booking.id(), "tok_visa", eur("50.00"), null);
        hotel.frontDesk().checkIn(lisbon.id(), booking.id(), null);

        assertThatThrownBy(() -> hotel.frontDesk().checkOut(lisbon.id(), booking.id())).isInstanceOf(BalanceNotZeroException.class);

        assertThat(hotel.deposits().authorisation(lisbon.id(), guarantee.id()).isOpen()).isTrue();
        assertThat(gateway.ledger()).extracting(SimulatedPaymentGateway.Entry::kind)
                .containsExactly(SimulatedPaymentGateway.Entry.Kind.AUTHORISATION);
    }

    // ---- authorisations -----------------------------------------------------------------------------

    @Test
    void a_retried_guarantee_with_the_same_key_authorises_once() {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-05", "2026-12-06"));
        IdempotencyKey key = new IdempotencyKey("front-desk", "guarantee-1");
        failNextAfterWork.set(1);
        assertThatThrownBy(() -> hotel.guarantees().guarantee(lisbon.id(), booking.id(), "tok_visa", null, key))
                .isInstanceOf(PaymentGatewayException.class);
        Authorisation first = hotel.guarantees().guarantee(lisbon.id(), booking.id(), "tok_visa", null, key);
        Authorisation again = hotel.guarantees().guarantee(lisbon.id(), booking.id(), "tok_visa", null, key);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(hotel.deposits().authorisations(lisbon.id(), booking.id())).hasSize(1);
        assertThat(gateway.ledger()).hasSize(1);
    }

    @Test
    void a_declined_card_is_a_declined_authorisation_and_moves_nothing() {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-05", "2026-12-06"));
        Authorisation declined = hotel.guarantees().guarantee(lisbon.id(), booking.id(), "tok_declined", null, null);
        assertThat(declined.status()).isEqualTo(Authorisation.Status.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("card declined");
        assertThat(gateway.ledger()).isEmpty();
        assertThatThrownBy(() -> hotel.deposits().capture(lisbon.id(), declined.id(), eur("1.00"), null))
                .isInstanceOf(AuthorisationNotOpenException.class);
    }

    @Test
    void an_authorisation_is_captured_once_in_part_and_cannot_be_voided_after() {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-05", "2026-12-06"));
        Authorisation guarantee = hotel.guarantees().guarantee(lisbon.id(), booking.id(), "tok_visa", eur("80.00"), null);
        assertThatThrownBy(() -> hotel.deposits().capture(lisbon.id(), guarantee.id(), eur("80.01"), null))
                .hasMessageContaining("at most the authorised");

        Authorisation captured = hotel.deposits().capture(lisbon.id(), guarantee.id(), eur("30.00"), null);

        assertThat(captured.released()).isEqualTo(eur("50.00"));
        assertThatThrownBy(() -> hotel.deposits().voidAuthorisation(lisbon.id(), guarantee.id(), null))
                .isInstanceOf(AuthorisationNotOpenException.class);
        assertThatThrownBy(() -> hotel.deposits().capture(lisbon.id(), guarantee.id(), eur("10.00"), null))
                .isInstanceOf(AuthorisationNotOpenException.class);
        assertThat(hotel.folioCharges().folio(lisbon.id(), booking.id()).balance()).isEqualTo(eur("-30.00"));
        assertLedgerEqualsPayments();
    }

    @Test
    void the_simulated_gateway_refuses_to_move_money_wrongly() {
        SimulatedPaymentGateway sim = SimulatedPaymentGateway.reliable();
        String auth = sim.authorise("a1", "tok_visa", eur("50.00")).reference();
        assertThat(sim.captureAuthorisation("c0", auth, eur("50.01")).approved()).isFalse();
        assertThat(sim.captureAuthorisation("c1", auth, eur("20.00")).approved()).isTrue();
        assertThat(sim.captureAuthorisation("c1", auth, eur("20.00")).approved()).isTrue(); // a replay, not a second capture
        assertThat(sim.captureAuthorisation("c2", auth, eur("20.00")).approved()).isFalse();
        assertThat(sim.voidAuthorisation("v1", auth).approved()).isFalse();
        assertThat(sim.voidAuthorisation("v2", "au_nope").approved()).isFalse();
        assertThat(sim.ledger()).extracting(SimulatedPaymentGateway.Entry::kind).containsExactly(
                SimulatedPaymentGateway.Entry.Kind.AUTHORISATION, SimulatedPaymentGateway.Entry.Kind.CAPTURE);
        assertThatThrownBy(() -> sim.captureAuthorisation("c1", auth, eur("21.00"))).isInstanceOf(PaymentGatewayException.class);
    }

    /**
     * The gateway's captures are exactly our captured card payments, its refunds exactly their refunds, and every
     * authorisation it approved is one of ours in the state its captures and voids say.
     */
    private void assertLedgerEqualsPayments() {
        List<String> ours = new ArrayList<>();
        List<String> ourRefunds = new ArrayList<>();
        List<String> ourAuthorisations = new ArrayList<>();
        for (Booking booking : hotel.bookings().bookings(io.hotelkit.reservations.BookingFilter.ofProperty(lisbon.id()), null, 1000)) {
            for (Payment payment : hotel.payments().payments(lisbon.id(), booking.id())) {
                if (payment.method() == PaymentMethod.CARD && payment.status() == Payment.Status.CAPTURED) {
                    ours.add(payment.gatewayReference() + " " + payment.amount());
                    payment.refunds().forEach(refund -> ourRefunds.add(refund.gatewayReference() + " " + refund.amount()));
                }
            }
            for (Authorisation authorisation : hotel.deposits().authorisations(lisbon.id(), booking.id())) {
                if (authorisation.status() != Authorisation.Status.DECLINED) {
                    ourAuthorisations.add(authorisation.gatewayReference() + " " + authorisation.amount());
                }
            }
        }
        List<SimulatedPaymentGateway.Entry> ledger = gateway.ledger();
        assertThat(ours).containsExactlyInAnyOrderElementsOf(entries(ledger, SimulatedPaymentGateway.Entry.Kind.CAPTURE));
        assertThat(ourRefunds).containsExactlyInAnyOrderElementsOf(entries(ledger, SimulatedPaymentGateway.Entry.Kind.REFUND));
        assertThat(ourAuthorisations)
                .containsExactlyInAnyOrderElementsOf(entries(ledger, SimulatedPaymentGateway.Entry.Kind.AUTHORISATION));
    }

    private static List<String> entries(List<SimulatedPaymentGateway.Entry> ledger, SimulatedPaymentGateway.Entry.Kind kind) {
        return ledger.stream().filter(entry -> entry.kind() == kind).map(entry -> entry.reference() + " " + entry.amount()).toList();
    }
}
