package io.hotelkit.jpa;

import static io.hotelkit.jpa.Fixtures.TODAY;
import static io.hotelkit.jpa.Fixtures.apiKey;
import static io.hotelkit.jpa.Fixtures.property;
import static io.hotelkit.jpa.Fixtures.rate;
import static io.hotelkit.jpa.Fixtures.ratePlan;
import static io.hotelkit.jpa.Fixtures.room;
import static io.hotelkit.jpa.Fixtures.roomType;
import static io.hotelkit.jpa.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.access.ApiKey;
import io.hotelkit.access.Role;
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
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Rounding;
import io.hotelkit.shared.VersionConflictException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The repositories' behaviour, run on each database by a subclass. */
abstract class RepositoriesContract {

    abstract JpaStore store();

    // --- properties

    @Test
    void property_round_trips_every_field_and_is_stored_at_version_1() {
        Property property = new Property(PropertyId.of(unique("P")), unique("H"), "Grand Hotel", ZoneId.of("America/New_York"),
                Money.currency("USD"), LocalTime.of(14, 30), LocalTime.of(10, 0), 90,
                new TaxPolicy(new BigDecimal("8.875"), false, Money.of("3.25", "USD")),
                new Rounding(RoundingMode.HALF_EVEN), TODAY.plusDays(3), 0);

        Property saved = store().properties().save(property);

        Property expected = new Property(property.id(), property.code(), property.name(), property.timezone(),
                property.currency(), property.checkInTime(), property.checkOutTime(), property.maxStayNights(),
                property.taxes(), property.rounding(), property.businessDate(), 1);
        assertThat(saved).isEqualTo(expected);
        assertThat(store().properties().findBy(property.id())).contains(expected);
        assertThat(store().properties().findByCode(property.code())).contains(expected);
    }

    @Test
    void property_percentages_read_back_without_trailing_zeros() {
        Property property = property();
        Property withZeros = new Property(property.id(), property.code(), property.name(), property.timezone(),
                property.currency(), property.checkInTime(), property.checkOutTime(), property.maxStayNights(),
                new TaxPolicy(new BigDecimal("7.50"), true, Money.zero(property.currency())), property.rounding(),
                property.businessDate(), 0);

        store().properties().save(withZeros);

        assertThat(store().properties().findBy(property.id()).orElseThrow().taxes().vatPercent())
                .isEqualTo(new BigDecimal("7.5"));
    }

    @Test
    void property_save_moves_the_version_on_even_when_nothing_changed() {
        Property saved = store().properties().save(property());

        Property changed = store().properties().save(saved.withBusinessDate(TODAY.plusDays(1)));
        Property unchanged = store().properties().save(changed);

        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.businessDate()).isEqualTo(TODAY.plusDays(1));
        assertThat(unchanged.version()).isEqualTo(3);
        assertThat(store().properties().findBy(saved.id()).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void property_save_of_a_stale_copy_is_refused_with_the_versions() {
        Property saved = store().properties().save(property());
        store().properties().save(saved.withBusinessDate(TODAY.plusDays(1)));

        assertThatThrownBy(() -> store().properties().save(saved.withBusinessDate(TODAY.plusDays(2))))
                .isInstanceOfSatisfying(VersionConflictException.class, conflict -> {
                    assertThat(conflict.kind()).isEqualTo("property");
                    assertThat(conflict.id()).isEqualTo(saved.id().value());
                    assertThat(conflict.expected()).isEqualTo(1);
                    assertThat(conflict.actual()).isEqualTo(2);
                });
        assertThat(store().properties().findBy(saved.id()).orElseThrow().businessDate()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void property_with_a_taken_code_is_refused_as_duplicate_naming_the_existing_one() {
        Property first = store().properties().save(property());
        Property second = property();
        Property sameCode = new Property(second.id(), first.code(), second.name(), second.timezone(), second.currency(),
                second.checkInTime(), second.checkOutTime(), second.maxStayNights(), second.taxes(), second.rounding(),
                second.businessDate(), 0);

        assertThatThrownBy(() -> store().properties().save(sameCode))
                .isInstanceOfSatisfying(DuplicateException.class, duplicate -> {
                    assertThat(duplicate.key()).isEqualTo(first.code());
                    assertThat(duplicate.existingId()).contains(first.id().value());
                });
        assertThat(store().properties().findBy(second.id())).isEmpty();
    }

    @Test
    void property_new_with_a_taken_id_is_refused_as_duplicate() {
        Property first = store().properties().save(property());
        Property again = new Property(first.id(), unique("H"), "Other", first.timezone(), first.currency(),
                first.checkInTime(), first.checkOutTime(), first.maxStayNights(), first.taxes(), first.rounding(),
                first.businessDate(), 0);

        assertThatThrownBy(() -> store().properties().save(again)).isInstanceOf(DuplicateException.class);
    }

    @Test
    void property_changed_but_never_stored_is_not_found() {
        Property property = property();
        Property neverStored = new Property(property.id(), property.code(), property.name(), property.timezone(),
                property.currency(), property.checkInTime(), property.checkOutTime(), property.maxStayNights(),
                property.taxes(), property.rounding(), property.businessDate(), 4);

        assertThatThrownBy(() -> store().properties().save(neverStored)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void properties_list_in_id_order_after_the_given_id() {
        String prefix = unique("P");
        for (String suffix : List.of("-3", "-1", "-2")) {
            Property property = property();
            store().properties().save(new Property(PropertyId.of(prefix + suffix), property.code(), property.name(),
                    property.timezone(), property.currency(), property.checkInTime(), property.checkOutTime(),
                    property.maxStayNights(), property.taxes(), property.rounding(), property.businessDate(), 0));
        }

        List<Property> page = store().properties().list(PropertyId.of(prefix + "-1"), 2);

        assertThat(page).extracting(p -> p.id().value()).containsExactly(prefix + "-2", prefix + "-3");
        assertThat(store().properties().list(null, 1)).hasSize(1);
    }

    @Test
    void missing_property_is_empty() {
        assertThat(store().properties().findBy(PropertyId.of(unique("P")))).isEmpty();
        assertThat(store().properties().findByCode(unique("H"))).isEmpty();
    }

    // --- room types

    @Test
    void room_type_round_trips_and_lists_in_code_order() {
        Property property = store().properties().save(property());
        RoomType suite = new RoomType(property.id(), "STE", "Suite", 4, 2, 5, 3, 0, 0);
        store().roomTypes().save(suite);
        store().roomTypes().save(roomType(property.id(), "DBL"));

        RoomType expected = new RoomType(property.id(), "STE", "Suite", 4, 2, 5, 3, 0, 1);
        assertThat(store().roomTypes().findBy(property.id(), "STE")).contains(expected);
        assertThat(store().roomTypes().list(property.id())).extracting(RoomType::code).containsExactly("DBL", "STE");
        assertThat(store().roomTypes().findBy(property.id(), "NONE")).isEmpty();
    }

    @Test
    void room_type_versions_and_conflicts_like_every_aggregate() {
        Property property = store().properties().save(property());
        RoomType saved = store().roomTypes().save(roomType(property.id(), "DBL"));
        RoomType changed = new RoomType(property.id(), "DBL", "Renamed", 2, 1, 3, 2, 3, saved.version());

        assertThat(store().roomTypes().save(changed).version()).isEqualTo(2);
        assertThatThrownBy(() -> store().roomTypes().save(changed)).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store().roomTypes().save(roomType(property.id(), "DBL")))
                .isInstanceOfSatisfying(DuplicateException.class, d -> assertThat(d.key()).isEqualTo("DBL"));
        assertThat(store().roomTypes().findBy(property.id(), "DBL").orElseThrow().overbookingLimit()).isEqualTo(3);
    }

    @Test
    void room_type_of_an_unknown_property_is_refused_as_not_found() {
        assertThatThrownBy(() -> store().roomTypes().save(roomType(PropertyId.of(unique("P")), "DBL")))
                .isInstanceOfSatisfying(NotFoundException.class, missing -> assertThat(missing.kind()).isEqualTo("property"));
    }

    // --- rooms

    @Test
    void room_round_trips_with_its_out_of_order_periods_and_a_missing_floor() {
        Property property = Fixtures.saveHotel(store());
        Room room = new Room(property.id(), "101", "DBL", null, HousekeepingStatus.INSPECTED, List.of(
                new OutOfOrder(DateRange.of(TODAY.plusDays(10), TODAY.plusDays(12)), "new carpet"),
                new OutOfOrder(DateRange.of(TODAY, TODAY.plusDays(2)), "leaking tap")), 0);

        Room saved = store().rooms().save(room);

        Room expected = new Room(property.id(), "101", "DBL", null, HousekeepingStatus.INSPECTED, room.outOfOrder(), 1);
        assertThat(saved).isEqualTo(expected);
        assertThat(store().rooms().findBy(property.id(), "101")).contains(expected);
    }

    @Test
    void room_periods_change_with_the_room() {
        Property property = Fixtures.saveHotel(store());
        Room saved = store().rooms().save(room(property.id(), "101", "DBL")
                .withOutOfOrder(new OutOfOrder(DateRange.of(TODAY.plusDays(5), TODAY.plusDays(9)), "paint")));

        Room changed = store().rooms().save(saved
                .withOutOfOrder(new OutOfOrder(DateRange.of(TODAY, TODAY.plusDays(1)), "plumbing"))
                .withHousekeeping(HousekeepingStatus.DIRTY));
        Room ended = store().rooms().save(changed.endOutOfOrder(TODAY.plusDays(5), TODAY));

        assertThat(changed.outOfOrder()).extracting(OutOfOrder::reason).containsExactly("plumbing", "paint");
        Room found = store().rooms().findBy(property.id(), "101").orElseThrow();
        assertThat(found).isEqualTo(ended);
        assertThat(found.outOfOrder()).extracting(OutOfOrder::reason).containsExactly("plumbing");
        assertThat(found.housekeeping()).isEqualTo(HousekeepingStatus.DIRTY);
        assertThat(found.version()).isEqualTo(3);
    }

    @Test
    void rooms_list_in_number_order_with_their_periods() {
        Property property = Fixtures.saveHotel(store());
        store().rooms().save(room(property.id(), "102", "DBL"));
        store().rooms().save(room(property.id(), "101", "DBL")
                .withOutOfOrder(new OutOfOrder(DateRange.of(TODAY, TODAY.plusDays(2)), "a"))
                .withOutOfOrder(new OutOfOrder(DateRange.of(TODAY.plusDays(3), TODAY.plusDays(4)), "b")));

        List<Room> rooms = store().rooms().list(property.id());

        assertThat(rooms).extracting(Room::number).containsExactly("101", "102");
        assertThat(rooms.getFirst().outOfOrder()).hasSize(2);
        assertThat(rooms.get(1).outOfOrder()).isEmpty();
    }

    @Test
    void room_of_an_unknown_type_is_refused_as_not_found_and_a_taken_number_as_duplicate() {
        Property property = Fixtures.saveHotel(store());
        store().rooms().save(room(property.id(), "101", "DBL"));

        assertThatThrownBy(() -> store().rooms().save(room(property.id(), "102", "NONE")))
                .isInstanceOfSatisfying(NotFoundException.class, missing -> {
                    assertThat(missing.kind()).isEqualTo("room type");
                    assertThat(missing.key()).isEqualTo("NONE");
                });
        assertThatThrownBy(() -> store().rooms().save(room(property.id(), "101", "DBL")))
                .isInstanceOf(DuplicateException.class);
        assertThatCode(() -> store().rooms().save(room(property.id(), "103", "DBL"))).doesNotThrowAnyException();
    }

    // --- rate plans and nightly rates

    @Test
    void rate_plan_round_trips_a_derivation_and_a_percent_penalty() {
        Property property = Fixtures.saveHotel(store());
        RatePlan derived = new RatePlan(property.id(), "NREF", "Non-refundable", MealPlan.ROOM_ONLY,
                new CancellationPolicy(14, CancellationPolicy.Penalty.PERCENT, new BigDecimal("33.333333")),
                new DerivedRate("FLEX", new BigDecimal("-10.5")), 0);

        RatePlan saved = store().ratePlans().save(derived);

        RatePlan expected = new RatePlan(property.id(), "NREF", "Non-refundable", MealPlan.ROOM_ONLY,
                derived.cancellationPolicy(), derived.derivedFrom(), 1);
        assertThat(saved).isEqualTo(expected);
        assertThat(store().ratePlans().findBy(property.id(), "NREF")).contains(expected);
        assertThat(store().ratePlans().findBy(property.id(), "FLEX").orElseThrow().derivation()).isEmpty();
        assertThat(store().ratePlans().list(property.id())).extracting(RatePlan::code).containsExactly("FLEX", "NREF");
    }

    @Test
    void rate_plan_versions_and_conflicts_like_every_aggregate() {
        Property property = Fixtures.saveHotel(store());
        RatePlan stored = store().ratePlans().findBy(property.id(), "FLEX").orElseThrow();
        RatePlan changed = new RatePlan(property.id(), "FLEX", "Flexible rate", MealPlan.HALF_BOARD,
                CancellationPolicy.nonRefundable(), null, stored.version());

        assertThat(store().ratePlans().save(changed)).isEqualTo(new RatePlan(property.id(), "FLEX", "Flexible rate",
                MealPlan.HALF_BOARD, CancellationPolicy.nonRefundable(), null, 2));
        assertThatThrownBy(() -> store().ratePlans().save(changed)).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store().ratePlans().save(ratePlan(property.id(), "FLEX"))).isInstanceOf(DuplicateException.class);
    }

    @Test
    void nightly_rates_round_trip_every_field_and_are_found_by_night_range_in_date_order() {
        Property property = Fixtures.saveHotel(store());
        DailyRate restricted = new DailyRate("DBL", TODAY.plusDays(1), Money.of("120.50", "EUR"), Money.of("30", "EUR"),
                Money.of("0", "EUR"), 2, 7, false, true, false);
        DailyRate closed = new DailyRate("DBL", TODAY.plusDays(2), Money.of("99.99", "EUR"), Money.of("0", "EUR"),
                Money.of("5.50", "EUR"), null, 3, true, false, true);
        store().nightlyRates().put(property.id(), "FLEX",
                List.of(closed, rate("DBL", TODAY.plusDays(3), "100.00"), restricted, rate("DBL", TODAY, "90.00")));

        List<DailyRate> found = store().nightlyRates().find(property.id(), "FLEX", "DBL",
                DateRange.of(TODAY.plusDays(1), TODAY.plusDays(3)));

        assertThat(found).containsExactly(restricted, closed);
        assertThat(store().nightlyRates().all(property.id(), "FLEX")).extracting(DailyRate::night)
                .containsExactly(TODAY, TODAY.plusDays(1), TODAY.plusDays(2), TODAY.plusDays(3));
    }

    @Test
    void nightly_rates_put_replaces_the_same_nights_and_keeps_the_others() {
        Property property = Fixtures.saveHotel(store());
        store().roomTypes().save(roomType(property.id(), "SGL"));
        store().nightlyRates().put(property.id(), "FLEX", List.of(
                rate("DBL", TODAY, "90.00"), rate("DBL", TODAY.plusDays(1), "95.00"), rate("SGL", TODAY, "70.00")));

        store().nightlyRates().put(property.id(), "FLEX", List.of(
                rate("DBL", TODAY.plusDays(1), "110.00"), rate("DBL", TODAY.plusDays(2), "120.00")));

        assertThat(store().nightlyRates().all(property.id(), "FLEX"))
                .extracting(r -> r.roomType() + " " + r.night() + " " + r.amount())
                .containsExactly(
                        "DBL " + TODAY + " 90.00 EUR",
                        "DBL " + TODAY.plusDays(1) + " 110.00 EUR",
                        "DBL " + TODAY.plusDays(2) + " 120.00 EUR",
                        "SGL " + TODAY + " 70.00 EUR");
    }

    @Test
    void nightly_rates_of_an_unknown_plan_or_room_type_are_refused_as_not_found() {
        Property property = Fixtures.saveHotel(store());

        assertThatThrownBy(() -> store().nightlyRates().put(property.id(), "NONE", List.of(rate("DBL", TODAY, "1.00"))))
                .isInstanceOfSatisfying(NotFoundException.class, missing -> assertThat(missing.kind()).isEqualTo("rate plan"));
        assertThatThrownBy(() -> store().nightlyRates().put(property.id(), "FLEX", List.of(rate("XXX", TODAY, "1.00"))))
                .isInstanceOfSatisfying(NotFoundException.class, missing -> assertThat(missing.key()).isEqualTo("XXX"));
        assertThat(store().nightlyRates().all(property.id(), "FLEX")).isEmpty();
    }

    // --- api keys

    @Test
    void api_key_round_trips_and_is_found_by_hash_and_id() {
        ApiKey key = apiKey(Set.of(PropertyId.of(unique("P")), PropertyId.of(unique("P"))));

        store().apiKeys().save(key);

        assertThat(store().apiKeys().findByHash(key.hash())).contains(key);
        assertThat(store().apiKeys().findBy(key.id())).contains(key);
        assertThat(store().apiKeys().findByHash(unique("nohash"))).isEmpty();
        assertThat(store().apiKeys().any()).isTrue();
    }

    @Test
    void api_key_revocation_and_scope_changes_are_saved() {
        ApiKey key = apiKey(Set.of(PropertyId.of(unique("P"))));
        store().apiKeys().save(key);
        ApiKey changed = new ApiKey(key.id(), "renamed", Role.AUDITOR, Set.of(), key.hash(), key.createdAt(), null)
                .revoked(Instant.parse("2026-03-02T08:00:00Z"));

        store().apiKeys().save(changed);

        ApiKey found = store().apiKeys().findBy(key.id()).orElseThrow();
        assertThat(found).isEqualTo(changed);
        assertThat(found.allProperties()).isTrue();
        assertThat(found.isRevoked()).isTrue();
    }

    @Test
    void api_keys_list_in_id_order_and_a_taken_hash_is_refused() {
        ApiKey first = apiKey(Set.of());
        ApiKey second = apiKey(Set.of());
        store().apiKeys().save(second);
        store().apiKeys().save(first);
        ApiKey sameHash = new ApiKey(unique("K"), "copy", Role.ADMIN, Set.of(), first.hash(), first.createdAt(), null);

        assertThat(store().apiKeys().list()).extracting(ApiKey::id)
                .filteredOn(id -> id.equals(first.id()) || id.equals(second.id()))
                .containsExactly(first.id().compareTo(second.id()) < 0 ? first.id() : second.id(),
                        first.id().compareTo(second.id()) < 0 ? second.id() : first.id());
        assertThatThrownBy(() -> store().apiKeys().save(sameHash))
                .isInstanceOfSatisfying(DuplicateException.class, d -> assertThat(d.existingId()).contains(first.id()));
    }
}
