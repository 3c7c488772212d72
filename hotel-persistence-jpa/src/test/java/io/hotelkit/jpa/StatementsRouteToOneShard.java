package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.jpa.testing.ShardRouting;
import io.hotelkit.jpa.testing.StatementCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every statement the store sends while the whole-hotel scenarios run (set up a property, search, book,
 * modify, move, check in, charge, run the night audit, check out, invoice, pay, refund, credit, blocks and
 * no-shows: {@link HotelScenarios}) routes to one shard of a database sharded by property: each names the
 * property of every per-property table it touches ({@link ShardRouting}). Recorded at the JDBC level, so the
 * repositories' own SQL is checked as Hibernate's is. Exempt, and only these: the statements of an
 * instance's start-up, which loads every property's engine (a scan of every shard by design, once per
 * start), and the tables {@link ShardRouting#EXEMPT} lists.
 */
abstract class StatementsRouteToOneShard extends HotelScenarios {

    static final StatementCounter COUNTER = new StatementCounter();

    private final List<String> recorded = new ArrayList<>();

    @Override
    Hotel newHotel() {
        recorded.addAll(COUNTER.drain());
        Hotel started = super.newHotel();
        COUNTER.drain(); // start-up: loads every property
        return started;
    }

    @AfterEach
    void everyStatementNamedItsProperty() {
        recorded.addAll(COUNTER.drain());
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (String statement : recorded) {
            List<String> problems = ShardRouting.problems(statement);
            if (!problems.isEmpty()) {
                wrong.put(statement, problems);
            }
        }
        assertThat(recorded).as("statements recorded").isNotEmpty();
        assertThat(wrong).as("statements that would not route to one shard").isEmpty();
    }

    @Test
    void the_checker_refuses_a_statement_that_does_not_name_its_property() {
        assertThat(ShardRouting.problems("select b1_0.id from bookings b1_0 where b1_0.id=?")).isNotEmpty();
        assertThat(ShardRouting.problems("update bookings set status=? where id=? and version=?")).isNotEmpty();
        assertThat(ShardRouting.problems("insert into folio_lines (booking_id,line_no) values (?,?)")).isNotEmpty();
        assertThat(ShardRouting.problems("select f1_0.booking_id from folios f1_0 left join folio_lines l1_0 on "
                + "f1_0.booking_id=l1_0.booking_id where f1_0.property_id=? and f1_0.booking_id=?")).isNotEmpty();
        assertThat(ShardRouting.problems("select count(*) from secrets")).isNotEmpty();
        assertThat(ShardRouting.problems("select b1_0.id from bookings b1_0 where (b1_0.property_id,b1_0.id) in ((?,?),(?,?))")).isNotEmpty();
        assertThat(ShardRouting.problems("select b1_0.id from bookings b1_0 where (b1_0.property_id,b1_0.id) in ((?,?))")).isEmpty();
        assertThat(ShardRouting.problems("select f1_0.booking_id from folios f1_0 left join folio_lines l1_0 on "
                + "f1_0.property_id=l1_0.property_id and f1_0.booking_id=l1_0.booking_id where f1_0.property_id=? and f1_0.booking_id=?"))
                .isEmpty();
        assertThat(ShardRouting.problems("insert into bookings (property_id,id) values (?,?)")).isEmpty();
        assertThat(ShardRouting.problems("select g1_0.id from guests g1_0 where g1_0.email=?")).isEmpty();
    }
}
