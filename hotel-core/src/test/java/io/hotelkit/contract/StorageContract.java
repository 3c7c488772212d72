package io.hotelkit.contract;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Storage;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.Role;
import io.hotelkit.billing.Company;
import io.hotelkit.billing.CompanyId;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Payer;
import io.hotelkit.billing.RoutingRule;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.InvoiceKind;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.LoyaltyAccount;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.OutOfOrder;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.reservations.Block;
import io.hotelkit.reservations.BlockStatus;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.reservations.ReservationEvent;
import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Rounding;
import io.hotelkit.shared.Stay;
import io.hotelkit.shared.VersionConflictException;
import io.hotelkit.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Storage} promises, written once: run against the in-memory adapters, H2 and
 * PostgreSQL by subclasses that say how to make a fresh storage.
 */
public abstract class StorageContract {

    protected static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    protected final MutableClock clock = new MutableClock(NOW);
    protected Storage storage;
    private int ids;

    /** A storage with nothing in it, on {@link #clock}. */
    protected abstract Storage newStorage();

    @BeforeEach
    void freshStorage() {
        storage = newStorage();
    }

    // ---- transactions --------------------------------------------------------------------------------

    @Test
    void a_rolled_back_transaction_leaves_nothing_behind_and_runs_its_rollback_hooks() {
        List<String> hooks = new ArrayList<>();
        assertThatThrownBy(() -> tx(() -> {
            Property property = storage.properties().save(property("ROLL"));
            storage.roomTypes().save(roomType(property.id(), "DBL"));
            storage.outbox().append(event(property.id(), "x"));
            storage.transactions().afterCommit(() -> hooks.add("commit"));
            storage.transactions().afterRollback(() -> hooks.add("rollback"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(storage.properties().findByCode("ROLL")).isEmpty();
        assertThat(storage.outbox().readAfter(0, 10)).isEmpty();
        assertThat(hooks).containsExactly("rollback");
    }

    @Test
    void nested_transactions_join_the_outer_one() {
        List<String> hooks = new ArrayList<>();
        tx(() -> {
            storage.properties().save(property("OUTER"));
            tx(() -> {
                storage.properties().save(property("INNER"));
                storage.transactions().afterCommit(() -> hooks.add("inner committed"));
                return null;
            });
            assertThat(hooks).isEmpty();
            return null;
        });
        assertThat(hooks).containsExactly("inner committed");
        assertThat(storage.properties().findByCode("INNER")).isPresent();
    }

    // ---- versions and uniqueness ---------------------------------------------------------------------

    @Test
    void saving_counts_versions_and_refuses_a_stale_copy() {
        Property saved = tx(() -> storage.properties().save(property("VER")));
        assertThat(saved.version()).isEqualTo(1);
        Property changed = tx(() -> storage.properties().save(saved.withBusinessDate(saved.businessDate().plusDays(1))));
        assertThat(changed.version()).isEqualTo(2);

        assertThatThrownBy(() -> tx(() -> storage.properties().save(saved.withBusinessDate(saved.businessDate().plusDays(5)))))
                .isInstanceOf(VersionConflictException.class);
        assertThat(storage.properties().findBy(saved.id()).orElseThrow()).isEqualTo(changed);
    }

    @Test
    void codes_and_numbers_are_unique_within_a_property() {
        Property lisbon = tx(() -> storage.properties().save(property("LIS")));
        Property porto = tx(() -> storage.properties().save(property("OPO")));
        tx(() -> storage.roomTypes().save(roomType(lisbon.id(), "DBL")));
        tx(() -> storage.roomTypes().save(roomType(porto.id(), "DBL")));
        tx(() -> storage.rooms().save(room(lisbon.id(), "101", "DBL")));

        assertThatThrownBy(() -> tx(() -> storage.properties().save(property("LIS")))).isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> tx(() -> storage.roomTypes().save(roomType(lisbon.id(), "DBL"))))
                .isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> tx(() -> storage.rooms().save(room(lisbon.id(), "101", "DBL"))))
                .isInstanceOf(DuplicateException.class);
        assertThat(storage.roomTypes().list(porto.id())).hasSize(1);
    }

    // ---- inventory and rates -------------------------------------------------------------------------

    @Test
    void properties_room_types_and_rooms_keep_every_field() {
        Property property = tx(() -> storage.properties().save(new Property(PropertyId.of(id()), "FULL", "Full House",
                ZoneId.of("Europe/Lisbon"), Money.currency("EUR"), LocalTime.of(15, 30), LocalTime.of(11, 0), 45,
                new TaxPolicy(new BigDecimal("6.5"), false, eur("1.50")), Rounding.HALF_UP, LocalDate.parse("2026-12-01"), "pt",
                "Rua do Alecrim 12\n1200-018 Lisboa", "PT509999990", 0)));
        RoomType type = tx(() -> storage.roomTypes().save(new RoomType(property.id(), "FAM", "Family", 4, 3, 5, 3, 2, 0)));
        Room room = tx(() -> storage.rooms().save(new Room(property.id(), "1A", "FAM", null, HousekeepingStatus.INSPECTED,
                List.of(new OutOfOrder(DateRange.of(LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-12")), "paint"),
                        new OutOfOrder(DateRange.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-02")), "carpet")), 0)));

        assertThat(storage.properties().findBy(property.id())).contains(property);
        assertThat(storage.properties().findByCode("FULL")).contains(property);
        assertThat(storage.roomTypes().findBy(property.id(), "FAM")).contains(type);
        assertThat(storage.rooms().findBy(property.id(), "1A")).contains(room);
        Room repaired = tx(() -> storage.rooms().save(room.endOutOfOrder(LocalDate.parse("2027-01-01"), LocalDate.parse("2026-12-20"))
                .withHousekeeping(HousekeepingStatus.DIRTY)));
        assertThat(storage.rooms().findBy(property.id(), "1A").orElseThrow()).isEqualTo(repaired);
        assertThat(repaired.outOfOrder()).hasSize(1);
    }

    @Test
    void properties_are_listed_in_id_order_page_by_page() {
        List<Property> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = "P" + i;
            saved.add(tx(() -> storage.properties().save(property(code))));
        }
        List<Property> first = storage.properties().list(null, 3);
        List<Property> rest = storage.properties().list(first.getLast().id(), 3);
        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(2);
        List<Property> all = new ArrayList<>(first);
        all.addAll(rest);
        assertThat(all).extracting(p -> p.id().value()).isSorted().containsExactlyInAnyOrderElementsOf(
                saved.stream().map(p -> p.id().value()).toList());
    }

    @Test
    void rate_plans_and_nightly_grids_round_trip_and_later_nights_replace_earlier_ones() {
        Property property = tx(() -> storage.properties().save(property("RATES")));
        tx(() -> storage.roomTypes().save(roomType(property.id(), "DBL")));
        RatePlan flex = tx(() -> storage.ratePlans().save(new RatePlan(property.id(), "FLEX", "Flexible", MealPlan.HALF_BOARD,
                new CancellationPolicy(3, CancellationPolicy.Penalty.PERCENT, new BigDecimal("50")), null, 0)));
        RatePlan nrf = tx(() -> storage.ratePlans().save(new RatePlan(property.id(), "NRF", "Non-refundable", MealPlan.ROOM_ONLY,
                CancellationPolicy.nonRefundable(), new DerivedRate("FLEX", new BigDecimal("-12.5")), 0)));
        LocalDate first = LocalDate.parse("2026-12-01");
        DailyRate night1 = new DailyRate("DBL", first, eur("100.00"), eur("25.00"), eur("10.00"), 2, 14, false, true, false);
        DailyRate night2 = new DailyRate("DBL", first.plusDays(1), eur("110.00"), eur("25.00"), eur("0.00"), null, null, true, false, true);
        tx(() -> {
            storage.nightlyRates().put(property.id(), "FLEX", List.of(night1, night2));
            return null;
        });
        DailyRate cheaper = new DailyRate("DBL", first, eur("90.00"), eur("20.00"), eur("10.00"), null, null, false, false, false);
        tx(() -> {
            storage.nightlyRates().put(property.id(), "FLEX", List.of(cheaper));
            return null;
        });

        assertThat(storage.ratePlans().list(property.id())).containsExactly(flex, nrf);
        assertThat(storage.nightlyRates().find(property.id(), "FLEX", "DBL", DateRange.of(first, first.plusDays(5))))
                .containsExactly(cheaper, night2);
        assertThat(storage.nightlyRates().find(property.id(), "FLEX", "DBL", DateRange.of(first.plusDays(1), first.plusDays(2))))
                .containsExactly(night2);
        assertThat(storage.nightlyRates().all(property.id(), "FLEX")).hasSize(2);
        assertThat(storage.nightlyRates().all(property.id(), "NRF")).isEmpty();
    }

    /** Issue 15's fields: VAT rates and a city tax rule, age bands, packages, children's ages, lines' categories and rates. */
    @Test
    void taxes_age_bands_packages_ages_and_vat_lines_keep_every_field() {
        TaxPolicy taxes = new TaxPolicy(BigDecimal.ZERO, true, eur("0.00"),
                new io.hotelkit.inventory.VatRates(new BigDecimal("6"), new BigDecimal("13"), new BigDecimal("23.5"),
                        Map.of("parking", io.hotelkit.inventory.VatCategory.ACCOMMODATION)),
                new io.hotelkit.inventory.CityTaxRule(io.hotelkit.inventory.CityTaxRule.Basis.PER_PERSON_NIGHT, eur("2.00"), null, 13, 7));
        Property property = tx(() -> storage.properties().save(new Property(PropertyId.of(id()), "VAT", "Rates", ZoneId.of("Europe/Lisbon"),
                Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0), 30, taxes, Rounding.HALF_UP,
                LocalDate.parse("2026-12-01"), 0)));
        Property percent = tx(() -> storage.properties().save(new Property(PropertyId.of(id()), "PCT", "Percent",
                ZoneId.of("Europe/Lisbon"), Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0), 30,
                new TaxPolicy(new BigDecimal("10"), false, eur("0.00"), null, new io.hotelkit.inventory.CityTaxRule(
                        io.hotelkit.inventory.CityTaxRule.Basis.PERCENT_OF_ROOM, eur("0.00"), new BigDecimal("1.25"), null, 3)),
                Rounding.HALF_UP, LocalDate.parse("2026-12-01"), 0)));
        RoomType type = tx(() -> storage.roomTypes().save(new RoomType(property.id(), "FAM", "Family", 4, 3, 5, 2, 0, 0,
                List.of(new io.hotelkit.inventory.AgeBand("INFANT", 0, 2, io.hotelkit.inventory.AgeBand.Price.FREE),
                        new io.hotelkit.inventory.AgeBand("CHILD", 3, 12, io.hotelkit.inventory.AgeBand.Price.CHILD)))));
        tx(() -> storage.rooms().save(room(property.id(), "301", "FAM")));
        RatePlan plan = tx(() -> storage.ratePlans().save(new RatePlan(property.id(), "BB", "Bed and breakfast", MealPlan.BREAKFAST,
                CancellationPolicy.freeCancellation(), null, 0, null, List.of(
                        new io.hotelkit.rates.RatePackage("BRK", "Breakfast", "breakfast", io.hotelkit.rates.RatePackage.Basis.PER_PERSON_NIGHT,
                                eur("12.50")),
                        new io.hotelkit.rates.RatePackage("SPA", "Spa credit", "spa", io.hotelkit.rates.RatePackage.Basis.PER_STAY,
                                eur("40.00"))))));
        Stay stay = Stay.of("2026-12-01", "2026-12-03");
        Booking withAges = tx(() -> storage.bookings().save(new Booking(BookingId.of(id()), property.id(), "CONF-AGES", GuestId.of(id()),
                "FAM", null, false, "BB", null, stay, Occupancy.of(2, List.of(4, 11)), List.of(eur("100.00"), eur("100.00")),
                eur("200.00"), CancellationPolicy.freeCancellation(), BookingStatus.CONFIRMED, null, null, "key-1", NOW, NOW, null, 0)));
        BookingId bookingId = withAges.id();
        Folio folio = tx(() -> storage.folios().save(Folio.open(bookingId, property.id(), GuestId.of(id()), property.currency())
                .post(new FolioLine(id(), LocalDate.parse("2026-12-01"), FolioLineKind.PACKAGE, "Breakfast", eur("50.00"),
                        "package:BRK:2026-12-01", NOW, "breakfast", new BigDecimal("13")))
                .post(new FolioLine(id(), LocalDate.parse("2026-12-01"), FolioLineKind.CITY_TAX, "City tax", eur("6.00"),
                        "city_tax:2026-12-01", NOW, "city_tax", null))));
        Invoice invoice = new Invoice(InvoiceId.of(id()), property.id(), bookingId, "2026-000009", InvoiceKind.INVOICE, null,
                LocalDate.parse("2026-12-03"), NOW, GuestId.of("g1"), List.of(
                        new Invoice.Line("l1", LocalDate.parse("2026-12-01"), FolioLineKind.PACKAGE, "Breakfast", eur("50.00"), "breakfast",
                                new BigDecimal("13")),
                        new Invoice.Line("l2", LocalDate.parse("2026-12-01"), FolioLineKind.CITY_TAX, "City tax", eur("6.00"), "city_tax",
                                null)),
                eur("56.00"), eur("5.75"), null, 1, null, List.of(new Invoice.VatAmount(new BigDecimal("13"), eur("44.25"), eur("5.75"),
                        eur("50.00"))));
        tx(() -> {
            storage.invoices().add(invoice);
            return null;
        });

        assertThat(storage.properties().findBy(property.id())).contains(property);
        assertThat(storage.properties().findBy(percent.id())).contains(percent);
        assertThat(storage.roomTypes().findBy(property.id(), "FAM")).contains(type);
        assertThat(storage.ratePlans().findBy(property.id(), "BB")).contains(plan);
        assertThat(storage.bookings().findBy(bookingId)).contains(withAges);
        assertThat(storage.bookings().findBy(bookingId).orElseThrow().occupancy().childrenAges()).containsExactly(4, 11);
        assertThat(storage.folios().findBy(bookingId)).contains(folio);
        assertThat(storage.invoices().findBy(invoice.id())).contains(invoice);
    }

    // ---- bookings and blocks -------------------------------------------------------------------------

    @Test
    void bookings_keep_every_field_and_are_found_by_filter_and_by_overlap() {
        Property property = setUpProperty("BOOK");
        GuestId guest = GuestId.of(id());
        Booking a = tx(() -> storage.bookings().save(booking(property.id(), guest, "DBL", "101", Stay.of("2026-12-01", "2026-12-03"))));
        Booking b = tx(() -> storage.bookings().save(booking(property.id(), GuestId.of(id()), "STE", null, Stay.of("2026-12-03", "2026-12-04"))));
        Booking c = tx(() -> storage.bookings().save(booking(property.id(), guest, "DBL", null, Stay.of("2026-12-10", "2026-12-12"))
                .cancelled("plans changed", NOW)));

        assertThat(storage.bookings().findBy(a.id())).contains(a);
        assertThat(storage.bookings().findBy(c.id()).orElseThrow().cancellationReason()).isEqualTo("plans changed");
        assertThat(storage.bookings().list(BookingFilter.ofGuest(guest), null, 10)).containsExactly(a, c);
        assertThat(storage.bookings().list(new BookingFilter(property.id(), BookingStatus.CANCELLED, null, null, null, null), null, 10))
                .containsExactly(c);
        assertThat(storage.bookings().list(new BookingFilter(property.id(), null, LocalDate.parse("2026-12-03"), null, null, null),
                null, 10)).containsExactly(b);
        assertThat(storage.bookings().list(BookingFilter.ofProperty(property.id()), a.id(), 1)).containsExactly(b);
        // half-open: a stay ending on the 3rd does not hold the night of the 3rd
        assertThat(storage.bookings().overlapping(property.id(), DateRange.of(LocalDate.parse("2026-12-03"),
                LocalDate.parse("2026-12-04")), null)).containsExactly(b);
        assertThat(storage.bookings().overlapping(property.id(), DateRange.of(LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-20")), "DBL")).containsExactly(a, c);
    }

    @Test
    void blocks_round_trip_and_close() {
        Property property = setUpProperty("BLK");
        Block block = tx(() -> storage.blocks().save(new Block(property.id(), "WED", "Wedding", "DBL", "FLEX",
                DateRange.of(LocalDate.parse("2026-12-20"), LocalDate.parse("2026-12-22")), 1, LocalDate.parse("2026-12-10"),
                BlockStatus.TENTATIVE, 0)));
        Block released = tx(() -> storage.blocks().save(block.closed(BlockStatus.RELEASED)));

        assertThat(storage.blocks().findBy(property.id(), "WED")).contains(released);
        assertThat(storage.blocks().list(property.id())).containsExactly(released);
    }

    // ---- guests and loyalty --------------------------------------------------------------------------

    @Test
    void guests_keep_their_preferences_and_are_found_by_email_and_name() {
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("pillow", "firm");
        preferences.put("floor", new BigDecimal("3"));
        preferences.put("allergies", List.of("nuts", Map.of("severity", "high")));
        preferences.put("quiet", true);
        preferences.put("note", null);
        Guest ana = tx(() -> storage.guests().save(new Guest(GuestId.of(id()), "Ana Silva", "Ana@Example.com", "+351 912 345 678",
                "PT", preferences, true, NOW, null, 0)));
        tx(() -> storage.guests().save(new Guest(GuestId.of(id()), "Bruno Costa", "bruno@example.com", null, null, Map.of(), false,
                NOW, null, 0)));

        assertThat(storage.guests().findBy(ana.id())).contains(ana);
        assertThat(storage.guests().findBy(ana.id()).orElseThrow().preferences()).isEqualTo(preferences);
        assertThat(storage.guests().findByEmail("ANA@example.com")).contains(ana);
        assertThat(storage.guests().search(null, "silv", null, 10)).containsExactly(ana);
        assertThat(storage.guests().search("bruno@example.com", null, null, 10)).extracting(Guest::name).containsExactly("Bruno Costa");
        assertThatThrownBy(() -> tx(() -> storage.guests().save(new Guest(GuestId.of(id()), "Other", "ana@example.com", null, null,
                Map.of(), false, NOW, null, 0)))).isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.existingId()).contains(ana.id().value()));
    }

    @Test
    void an_erased_guest_keeps_only_its_id_and_frees_its_email() {
        Guest ana = tx(() -> storage.guests().save(new Guest(GuestId.of(id()), "Ana Silva", "ana@example.com", null, null, Map.of(),
                false, NOW, null, 0)));
        Guest erased = tx(() -> storage.guests().save(ana.erased(NOW)));

        assertThat(storage.guests().findBy(ana.id())).contains(erased);
        assertThat(storage.guests().findByEmail("ana@example.com")).isEmpty();
        assertThat(storage.guests().search(null, "erased", null, 10)).isEmpty();
        tx(() -> storage.guests().save(new Guest(GuestId.of(id()), "New Ana", "ana@example.com", null, null, Map.of(), false, NOW,
                null, 0)));
    }

    @Test
    void loyalty_accounts_keep_their_history() {
        GuestId guest = GuestId.of(id());
        LoyaltyAccount account = tx(() -> storage.loyaltyAccounts().save(LoyaltyAccount.open(guest)
                .with(new LoyaltyAccount.Entry(NOW, 250, "stay", "stay:1"))
                .with(new LoyaltyAccount.Entry(NOW.plusSeconds(60), -100, "payment", "pay:1"))));

        assertThat(storage.loyaltyAccounts().findBy(guest)).contains(account);
        assertThat(account.points()).isEqualTo(150);
    }

    // ---- billing -------------------------------------------------------------------------------------

    @Test
    void folios_keep_their_lines_in_order() {
        Property property = setUpProperty("FOL");
        BookingId bookingId = BookingId.of(id());
        Folio folio = tx(() -> storage.folios().save(Folio.open(bookingId, property.id(), GuestId.of(id()), property.currency())
                .post(line(FolioLineKind.ROOM, "100.00", "room:2026-12-01"))
                .post(line(FolioLineKind.TAX, "10.00", "tax:2026-12-01"))
                .post(line(FolioLineKind.PAYMENT, "-110.00", "payment:1"))));
        Folio more = tx(() -> storage.folios().save(folio.post(line(FolioLineKind.EXTRA, "4.50", null))));

        assertThat(storage.folios().findBy(bookingId)).contains(more);
        assertThat(more.balance()).isEqualTo(eur("4.50"));
    }

    @Test
    void folio_windows_keep_their_payer_routes_and_lines_and_are_found_by_booking_and_by_company() {
        Property property = setUpProperty("WIN");
        PropertyId other = setUpProperty("WOT").id();
        Company acme = tx(() -> storage.companies().save(company(property, "Acme Lda")));
        BookingId bookingId = BookingId.of(id());
        Folio guest = tx(() -> storage.folios().save(Folio.open(bookingId, property.id(), GuestId.of(id()), property.currency())
                .post(line(FolioLineKind.ROOM, "100.00", "room:2026-12-01"))));
        Folio company = tx(() -> storage.folios().save(guest.openWindow(2, Payer.company(acme.id()))
                .withRoutes(List.of(RoutingRule.of(FolioLineKind.ROOM), RoutingRule.extras("minibar")))
                .post(line(FolioLineKind.TAX, "10.00", "tax:2026-12-01"))));
        Folio person = tx(() -> storage.folios().save(guest.openWindow(3, Payer.person("Rui Costa"))
                .post(line(FolioLineKind.EXTRA, "4.50", null))));
        Folio more = tx(() -> storage.folios().save(company.post(line(FolioLineKind.ALLOWANCE, "-2.00", "allowance:x:1"))
                .withRoutes(List.of(RoutingRule.of(FolioLineKind.EXTRA)))));

        assertThat(storage.folios().findBy(property.id(), bookingId, 2)).contains(more);
        assertThat(storage.folios().findBy(property.id(), bookingId, 1)).contains(guest);
        assertThat(storage.folios().windows(property.id(), bookingId)).containsExactly(guest, more, person);
        assertThat(storage.folios().billing(property.id(), acme.id())).containsExactly(more);
        assertThat(storage.folios().findBy(other, bookingId, 2)).isEmpty();
        assertThat(storage.folios().windows(other, bookingId)).isEmpty();
        assertThatThrownBy(() -> tx(() -> storage.folios().save(company.post(line(FolioLineKind.EXTRA, "1.00", null)))))
                .isInstanceOf(VersionConflictException.class);
        // a second window 3: a duplicate (or, in memory, a stale version 0); either way refused
        assertThatThrownBy(() -> tx(() -> storage.folios().save(guest.openWindow(3, Payer.guest()))))
                .isInstanceOf(io.hotelkit.shared.ConflictException.class);
        assertThat(storage.folios().findBy(property.id(), bookingId, 3)).contains(person);
    }

    @Test
    void companies_keep_their_profile_and_every_account_entry_and_list_by_property() {
        Property property = setUpProperty("CMP");
        Company acme = tx(() -> storage.companies().save(company(property, "Acme Lda")));
        Company zeta = tx(() -> storage.companies().save(company(property, "Zeta SA")));
        InvoiceId invoiceId = InvoiceId.of(id());
        Company billed = tx(() -> storage.companies().save(acme
                .with(new Company.Entry(invoiceId.value(), Company.EntryKind.INVOICE, LocalDate.parse("2026-12-01"), eur("110.00"),
                        invoiceId, "2026-000001", null, "booking-1", NOW))
                .with(new Company.Entry("pay-1", Company.EntryKind.PAYMENT, LocalDate.parse("2026-12-05"), eur("-50.00"), null, null,
                        null, "bank_transfer: TRF 1", NOW))
                .with(new Company.Entry("alloc-1", Company.EntryKind.ALLOCATION, LocalDate.parse("2026-12-05"), eur("50.00"), invoiceId,
                        null, "pay-1", null, NOW))));
        Company renamed = tx(() -> storage.companies().save(billed.withProfile(Company.Kind.TRAVEL_AGENT, "Acme Travel",
                new Company.Address("Rua Nova 2", "3º esq", "4000-001", "Porto", "PT"), null, eur("2500.00"))));

        assertThat(storage.companies().findBy(property.id(), acme.id())).contains(renamed);
        assertThat(renamed.balance()).isEqualTo(eur("60.00"));
        assertThat(renamed.openItems()).singleElement().satisfies(item -> assertThat(item.owed()).isEqualTo(eur("60.00")));
        List<Company> all = storage.companies().list(property.id(), null, 10);
        assertThat(all).extracting(Company::id).containsExactlyInAnyOrder(acme.id(), zeta.id());
        assertThat(storage.companies().list(property.id(), all.getFirst().id(), 10)).containsExactly(all.get(1));
        assertThatThrownBy(() -> tx(() -> storage.companies().save(acme))).isInstanceOf(VersionConflictException.class);
        tx(() -> {
            storage.companies().delete(zeta);
            return null;
        });
        assertThat(storage.companies().findBy(property.id(), zeta.id())).isEmpty();
    }

    @Test
    void invoices_keep_the_window_and_the_company_they_bill() {
        Property property = setUpProperty("INW");
        Company acme = tx(() -> storage.companies().save(company(property, "Acme Lda")));
        Invoice plain = invoice(property, BookingId.of(id()), "2026-000001", InvoiceKind.INVOICE, null, "110.00");
        Invoice billed = new Invoice(InvoiceId.of(id()), property.id(), plain.bookingId(), "2026-000002", InvoiceKind.INVOICE, null,
                plain.issueDate(), plain.issuedAt(), plain.guestId(), plain.lines(), plain.total(), plain.vat(), null, 2, acme.id());
        tx(() -> {
            storage.invoices().add(billed);
            return null;
        });
        assertThat(storage.invoices().findBy(property.id(), billed.id())).contains(billed);
    }

    private Company company(Property property, String name) {
        return new Company(CompanyId.of(id()), property.id(), Company.Kind.COMPANY, name,
                new Company.Address("Rua Augusta 1", null, "1100-048", "Lisboa", "PT"), "PT500000000", eur("1000.00"), List.of(), 0);
    }

    @Test
    void payments_keep_their_refunds() {
        Property property = setUpProperty("PAY");
        BookingId bookingId = BookingId.of(id());
        Payment payment = tx(() -> storage.payments().save(new Payment(PaymentId.of(id()), property.id(), bookingId, eur("50.00"),
                PaymentMethod.CARD, Payment.Status.CAPTURED, "ch_1", "****visa", null, 0, List.of(), NOW, 0)));
        Payment refunded = tx(() -> storage.payments().save(payment.withRefund(new Payment.Refund(id(), eur("20.00"), "re_1", NOW))));
        Payment declined = tx(() -> storage.payments().save(new Payment(PaymentId.of(id()), property.id(), bookingId, eur("9.00"),
                PaymentMethod.CARD, Payment.Status.DECLINED, "dcl_1", "****lined", "card declined", 0, List.of(), NOW, 0)));

        assertThat(storage.payments().findBy(payment.id())).contains(refunded);
        assertThat(storage.payments().ofBooking(bookingId)).containsExactly(refunded, declined);
    }

    @Test
    void deposits_keep_their_policy_and_are_listed_when_due_and_while_held() {
        Property property = setUpProperty("DEP");
        LocalDate first = LocalDate.parse("2026-12-01");
        io.hotelkit.billing.Deposit due = tx(() -> storage.deposits().save(io.hotelkit.billing.Deposit.of(BookingId.of(id()),
                property.id(), io.hotelkit.rates.DepositPolicy.daysBefore(io.hotelkit.rates.DepositPolicy.Kind.PERCENT,
                        new BigDecimal("33.5"), 7), eur("100.50"), first.plusDays(3))));
        io.hotelkit.billing.Deposit early = tx(() -> storage.deposits().save(io.hotelkit.billing.Deposit.of(BookingId.of(id()),
                property.id(), io.hotelkit.rates.DepositPolicy.atBooking(io.hotelkit.rates.DepositPolicy.Kind.FULL_STAY, null),
                eur("300.00"), first)));
        io.hotelkit.billing.Deposit settled = tx(() -> storage.deposits().save(early.settled(first.plusDays(1))));
        Payment deposit = tx(() -> storage.payments().save(new Payment(PaymentId.of(id()), property.id(), due.bookingId(), eur("10.00"),
                PaymentMethod.CASH, Payment.Status.CAPTURED, "cash_1", null, null, 0, List.of(), NOW, 0, true)));

        assertThat(settled.version()).isEqualTo(2);
        assertThat(storage.deposits().findBy(property.id(), due.bookingId())).contains(due);
        assertThat(storage.deposits().findBy(property.id(), early.bookingId())).contains(settled);
        assertThat(storage.deposits().dueBy(property.id(), first.plusDays(2))).isEmpty();
        assertThat(storage.deposits().dueBy(property.id(), first.plusDays(3))).containsExactly(due);
        assertThat(storage.deposits().heldOn(property.id(), first)).containsExactlyInAnyOrder(due, settled);
        assertThat(storage.deposits().heldOn(property.id(), first.plusDays(1))).containsExactly(due);
        assertThat(storage.payments().findBy(deposit.id()).orElseThrow().deposit()).isTrue();
        assertThatThrownBy(() -> tx(() -> storage.deposits().save(early.settled(first)))).isInstanceOf(VersionConflictException.class);
    }

    @Test
    void authorisations_keep_how_they_ended() {
        Property property = setUpProperty("AUTH");
        BookingId bookingId = BookingId.of(id());
        io.hotelkit.billing.Authorisation open = tx(() -> storage.authorisations().save(new io.hotelkit.billing.Authorisation(
                PaymentId.of(id()), property.id(), bookingId, eur("150.00"), io.hotelkit.billing.Authorisation.Status.AUTHORISED,
                eur("0.00"), "au_1", null, "****visa", null, NOW, 0)));
        io.hotelkit.billing.Authorisation declined = tx(() -> storage.authorisations().save(new io.hotelkit.billing.Authorisation(
                PaymentId.of(id()), property.id(), bookingId, eur("150.00"), io.hotelkit.billing.Authorisation.Status.DECLINED,
                eur("0.00"), "dcl_1", null, "****ined", "card declined", NOW.plusSeconds(1), 0)));
        io.hotelkit.billing.Authorisation captured = tx(() -> storage.authorisations().save(
                open.capturedBy(PaymentId.of(id()), eur("99.99"))));

        assertThat(storage.authorisations().findBy(property.id(), open.id())).contains(captured);
        assertThat(captured.released()).isEqualTo(eur("50.01"));
        assertThat(storage.authorisations().ofBooking(property.id(), bookingId)).containsExactly(captured, declined);
        assertThat(storage.authorisations().findBy(setUpProperty("AUTH2").id(), open.id())).isEmpty();
    }

    @Test
    void a_rate_plan_keeps_its_deposit_policy() {
        Property property = tx(() -> storage.properties().save(property("DEPRP")));
        io.hotelkit.rates.DepositPolicy policy = io.hotelkit.rates.DepositPolicy.daysBefore(
                io.hotelkit.rates.DepositPolicy.Kind.PERCENT, new BigDecimal("12.5"), 14);
        RatePlan plan = tx(() -> storage.ratePlans().save(new RatePlan(property.id(), "DEP", "Deposit", MealPlan.ROOM_ONLY,
                CancellationPolicy.freeCancellation(), null, 0, null, policy)));
        RatePlan none = tx(() -> storage.ratePlans().save(new RatePlan(property.id(), "NONE", "None", MealPlan.ROOM_ONLY,
                CancellationPolicy.freeCancellation(), null, 0)));

        assertThat(storage.ratePlans().findBy(property.id(), "DEP").orElseThrow().depositPolicy()).isEqualTo(policy);
        assertThat(storage.ratePlans().findBy(property.id(), "NONE").orElseThrow().depositPolicy())
                .isEqualTo(io.hotelkit.rates.DepositPolicy.none());
        assertThat(storage.ratePlans().list(property.id())).containsExactly(plan, none);
    }

    @Test
    void invoices_are_added_once_and_never_changed() {
        Property property = setUpProperty("INV");
        BookingId bookingId = BookingId.of(id());
        Invoice invoice = invoice(property, bookingId, "2026-000001", InvoiceKind.INVOICE, null, "120.00");
        tx(() -> {
            storage.invoices().add(invoice);
            return null;
        });
        Invoice credit = invoice(property, bookingId, "2026-000002", InvoiceKind.CREDIT_NOTE, invoice.id(), "-120.00");
        tx(() -> {
            storage.invoices().add(credit);
            return null;
        });

        assertThat(storage.invoices().findBy(invoice.id())).contains(invoice);
        assertThat(storage.invoices().ofBooking(bookingId)).containsExactly(invoice, credit);
        assertThat(storage.invoices().list(property.id(), null, 10)).containsExactly(invoice, credit);
        assertThat(storage.invoices().list(property.id(), invoice.id(), 10)).containsExactly(credit);
        assertThatThrownBy(() -> tx(() -> {
            storage.invoices().add(invoice);
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(storage.invoices().findBy(invoice.id())).contains(invoice);
    }

    /** Read by property and id (how a store sharded by property finds one shard): another property's are not found. */
    @Test
    void bookings_folios_payments_and_invoices_are_found_by_their_property_and_id_and_not_by_another_property() {
        Property property = setUpProperty("BYP");
        PropertyId other = setUpProperty("OTH").id();
        Booking booking = tx(() -> storage.bookings().save(booking(property.id(), GuestId.of(id()), "DBL", null, Stay.of("2026-12-01", "2026-12-03"))));
        Folio folio = tx(() -> storage.folios().save(Folio.open(booking.id(), property.id(), booking.guestId(), property.currency())
                .post(line(FolioLineKind.ROOM, "100.00", "room:2026-12-01"))));
        Payment payment = tx(() -> storage.payments().save(new Payment(PaymentId.of(id()), property.id(), booking.id(), eur("50.00"),
                PaymentMethod.CARD, Payment.Status.CAPTURED, "ch_1", "****visa", null, 0, List.of(), NOW, 0)));
        Invoice invoice = invoice(property, booking.id(), "2026-000001", InvoiceKind.INVOICE, null, "100.00");
        tx(() -> {
            storage.invoices().add(invoice);
            return null;
        });

        assertThat(storage.bookings().findBy(property.id(), booking.id())).contains(booking);
        assertThat(tx(() -> storage.bookings().findForUpdate(property.id(), booking.id()))).contains(booking);
        assertThat(storage.folios().findBy(property.id(), booking.id())).contains(folio);
        assertThat(storage.payments().findBy(property.id(), payment.id())).contains(payment);
        assertThat(storage.payments().ofBooking(property.id(), booking.id())).containsExactly(payment);
        assertThat(storage.invoices().findBy(property.id(), invoice.id())).contains(invoice);
        assertThat(storage.invoices().ofBooking(property.id(), booking.id())).containsExactly(invoice);

        assertThat(storage.bookings().findBy(other, booking.id())).isEmpty();
        assertThat(tx(() -> storage.bookings().findForUpdate(other, booking.id()))).isEmpty();
        assertThat(storage.folios().findBy(other, booking.id())).isEmpty();
        assertThat(storage.payments().findBy(other, payment.id())).isEmpty();
        assertThat(storage.payments().ofBooking(other, booking.id())).isEmpty();
        assertThat(storage.invoices().findBy(other, invoice.id())).isEmpty();
        assertThat(storage.invoices().ofBooking(other, booking.id())).isEmpty();
    }

    @Test
    void invoice_numbers_count_up_per_property_and_year_and_a_rollback_gives_its_number_back() {
        Property lisbon = setUpProperty("NUM");
        PropertyId other = PropertyId.of(id());
        assertThat(tx(() -> storage.invoiceNumbers().next(lisbon.id(), 2026))).isEqualTo(1);
        assertThat(tx(() -> storage.invoiceNumbers().next(lisbon.id(), 2026))).isEqualTo(2);
        assertThatThrownBy(() -> tx(() -> {
            storage.invoiceNumbers().next(lisbon.id(), 2026);
            throw new IllegalStateException("issue failed");
        }));
        assertThat(tx(() -> storage.invoiceNumbers().next(lisbon.id(), 2026))).isEqualTo(3);
        assertThat(tx(() -> storage.invoiceNumbers().next(lisbon.id(), 2027))).isEqualTo(1);
        assertThat(tx(() -> storage.invoiceNumbers().next(other, 2026))).isEqualTo(1);
    }

    // ---- keys, idempotency, outbox --------------------------------------------------------------------

    @Test
    void api_keys_are_found_by_hash_and_revoked_keys_are_kept() {
        assertThat(storage.apiKeys().any()).isFalse();
        ApiKey key = new ApiKey(id(), "front desk", Role.FRONT_DESK, Set.of(PropertyId.of("p1"), PropertyId.of("p2")), "hash-1", NOW, null);
        tx(() -> {
            storage.apiKeys().save(key);
            return null;
        });
        tx(() -> {
            storage.apiKeys().save(key.revoked(NOW.plusSeconds(5)));
            return null;
        });

        assertThat(storage.apiKeys().any()).isTrue();
        assertThat(storage.apiKeys().findByHash("hash-1")).contains(key.revoked(NOW.plusSeconds(5)));
        assertThat(storage.apiKeys().findBy(key.id()).orElseThrow().propertyIds()).containsExactlyInAnyOrder(PropertyId.of("p1"),
                PropertyId.of("p2"));
        assertThat(storage.apiKeys().list()).hasSize(1);
    }

    @Test
    void an_idempotency_key_is_fresh_then_completed_then_a_mismatch_for_another_request_and_fresh_once_expired() {
        IdempotencyKey key = new IdempotencyKey("key-1", "create-42");
        assertThat(tx(() -> storage.idempotency().claim(key, "fingerprint-a"))).isInstanceOf(IdempotencyStore.Claim.Fresh.class);
        tx(() -> {
            storage.idempotency().complete(key, "booking-7");
            return null;
        });
        // a fresh claim that rolls back leaves no trace
        IdempotencyKey other = new IdempotencyKey("key-1", "create-43");
        assertThatThrownBy(() -> tx(() -> {
            storage.idempotency().claim(other, "fingerprint-b");
            throw new IllegalStateException("failed");
        }));

        assertThat(tx(() -> storage.idempotency().claim(key, "fingerprint-a")))
                .isEqualTo(new IdempotencyStore.Claim.Completed("booking-7"));
        assertThat(tx(() -> storage.idempotency().claim(key, "fingerprint-b"))).isInstanceOf(IdempotencyStore.Claim.Mismatch.class);
        assertThat(tx(() -> storage.idempotency().claim(other, "fingerprint-b"))).isInstanceOf(IdempotencyStore.Claim.Fresh.class);
        assertThat(tx(() -> storage.idempotency().claim(new IdempotencyKey("key-2", "create-42"), "fingerprint-a")))
                .as("keys are per scope").isInstanceOf(IdempotencyStore.Claim.Fresh.class);

        clock.advance(IdempotencyStore.RETENTION.plus(Duration.ofMinutes(1)));
        assertThat(tx(() -> storage.idempotency().claim(key, "fingerprint-c"))).isInstanceOf(IdempotencyStore.Claim.Fresh.class);
    }

    @Test
    void the_outbox_shows_committed_events_in_order_and_each_entity_s_history_newest_first() {
        PropertyId property = PropertyId.of(id());
        tx(() -> {
            storage.outbox().append(event(property, "b1"));
            storage.outbox().append(event(property, "b2"));
            return null;
        });
        tx(() -> {
            storage.outbox().append(event(property, "b1"));
            return null;
        });

        List<io.hotelkit.shared.Outbox.StoredEvent> all = storage.outbox().readAfter(0, 10);
        assertThat(all).extracting(stored -> stored.event().entityId()).containsExactly("b1", "b2", "b1");
        assertThat(all).extracting(io.hotelkit.shared.Outbox.StoredEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(storage.outbox().readAfter(all.get(0).position(), 10)).hasSize(2);
        assertThat(all.getFirst().event()).isEqualTo(event(property, "b1", all.getFirst().event().id()));
        assertThat(storage.outbox().history(property, "booking", "b1", 10))
                .extracting(io.hotelkit.shared.Outbox.StoredEvent::position)
                .containsExactly(all.get(2).position(), all.get(0).position());
        assertThat(storage.outbox().history(property, "booking", "b1", all.get(2).position(), 10))
                .extracting(io.hotelkit.shared.Outbox.StoredEvent::position)
                .containsExactly(all.get(0).position());
        assertThat(storage.outbox().history(property, "booking", "b1", all.get(0).position(), 10)).isEmpty();
        assertThat(storage.outbox().lastPosition()).isEqualTo(all.get(2).position());
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    protected <T> T tx(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    protected String id() {
        return "ID" + String.format("%08d", ++ids) + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    protected Property property(String code) {
        return new Property(PropertyId.of(id()), code, "Hotel " + code, ZoneId.of("Europe/Lisbon"), Money.currency("EUR"),
                LocalTime.of(15, 0), LocalTime.of(11, 0), 30, TaxPolicy.none(Money.currency("EUR")), Rounding.HALF_UP,
                LocalDate.parse("2026-12-01"), 0);
    }

    protected static RoomType roomType(PropertyId propertyId, String code) {
        return new RoomType(propertyId, code, "Type " + code, 2, 1, 3, 2, 0, 0);
    }

    protected static Room room(PropertyId propertyId, String number, String type) {
        return new Room(propertyId, number, type, "1", HousekeepingStatus.CLEAN, List.of(), 0);
    }

    private Property setUpProperty(String code) {
        Property property = tx(() -> storage.properties().save(property(code)));
        tx(() -> {
            storage.roomTypes().save(roomType(property.id(), "DBL"));
            storage.roomTypes().save(roomType(property.id(), "STE"));
            storage.rooms().save(room(property.id(), "101", "DBL"));
            storage.rooms().save(room(property.id(), "201", "STE"));
            storage.ratePlans().save(new RatePlan(property.id(), "FLEX", "Flexible", MealPlan.ROOM_ONLY,
                    CancellationPolicy.freeCancellation(), null, 0));
            return null;
        });
        return property;
    }

    protected Booking booking(PropertyId propertyId, GuestId guestId, String type, String room, Stay stay) {
        List<Money> nightly = stay.dates().map(night -> eur("100.00")).toList();
        return new Booking(BookingId.of(id()), propertyId, "CONF" + ids, guestId, type, room, room != null, "FLEX", null, stay,
                Occupancy.of(2, 1), nightly, eur("100.00").times(stay.nights()), new CancellationPolicy(2,
                        CancellationPolicy.Penalty.FIRST_NIGHT, null), BookingStatus.CONFIRMED, "quiet room", "tok_visa", "key-1",
                NOW, NOW, null, 0);
    }

    private FolioLine line(FolioLineKind kind, String amount, String reference) {
        return new FolioLine(id(), LocalDate.parse("2026-12-01"), kind, kind.name().toLowerCase(), eur(amount), reference, NOW);
    }

    private Invoice invoice(Property property, BookingId bookingId, String number, InvoiceKind kind, InvoiceId credits, String total) {
        return new Invoice(InvoiceId.of(id()), property.id(), bookingId, number, kind, credits, LocalDate.parse("2026-12-03"), NOW,
                GuestId.of("g1"), List.of(new Invoice.Line("line-1", LocalDate.parse("2026-12-01"), FolioLineKind.ROOM, "Room",
                        eur(total))), eur(total), eur("0.00"), "****visa");
    }

    private DomainEvent event(PropertyId propertyId, String bookingId) {
        return event(propertyId, bookingId, id());
    }

    private DomainEvent event(PropertyId propertyId, String bookingId, String eventId) {
        return new DomainEvent(eventId, propertyId, bookingId, "key-1", NOW, new ReservationEvent.BookingCreated(
                new ReservationEvent.Summary("HK-1", BookingStatus.CONFIRMED, "DBL", null, "BAR",
                        LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-03"), eur("240.00"), null)));
    }
}
