package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.jpa.testing.FreshDatabase;
import io.hotelkit.shared.Ids;
import io.hotelkit.testing.InventoryInvariants;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * hotel-core's inventory contract ({@link InventoryInvariants}: random bookings, changes, cancellations,
 * room assignments, out-of-order periods and blocks against a brute-force count) on a database, with two
 * hotels, one engine each, over one database, taking the steps in turn: a hotel that has not caught up with
 * the other's changes sells on a stale engine, and the database's guards ({@link InventoryRows}) must refuse
 * what cannot be sold. After each seed the night rows must be what the stored bookings, rooms and blocks take.
 */
abstract class InventoryContract {

    private static final AtomicInteger REFUSED_BY_DATABASE = new AtomicInteger();

    abstract FreshDatabase db();

    /** Steps a seed runs: fewer than core's in-memory 250, as each reads the database a few times. */
    abstract int steps();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void two_engines_over_one_database_never_oversell_and_each_matches_a_brute_force_count(long seed) {
        MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
        // each hotel its own seeded ids, apart from every other seed's
        Hotel[] first = new Hotel[1];
        InventoryInvariants.Outcome outcome = InventoryInvariants.run(seed, steps(), clock, 2, i -> {
            Hotel hotel = Hotel.builder().clock(clock).storage(db().store()).ids(Ids.seeded(clock, seed * 1_000 + i)).build();
            first[0] = first[0] == null ? hotel : first[0];
            return hotel;
        });
        NightRows.assertInStep(db().database(), first[0], outcome.propertyId(), InventoryInvariants.WINDOW);
        REFUSED_BY_DATABASE.addAndGet(outcome.refusedByDatabase());
    }

    /** Sales a stale engine let through must have reached the database's guards, or the contract tested nothing of them. */
    @AfterAll
    static void the_database_refused_what_a_stale_engine_sold() {
        assertThat(REFUSED_BY_DATABASE.getAndSet(0)).as("refusals by the database's guards over all seeds").isPositive();
    }
}
