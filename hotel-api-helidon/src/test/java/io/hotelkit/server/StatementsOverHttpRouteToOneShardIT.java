package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.jpa.testing.RecordedStatements;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every statement the JPA adapter sends while the server answers requests over HTTP, on PostgreSQL, routes
 * to one shard of a database sharded by property ({@link ShardRouting}): every route of the API, once each,
 * as {@link AuthorizationMatrixTest}'s table makes it (set up properties, room types, rooms, rate plans,
 * prices and overbooking; search; book, modify, assign a room, cancel, check in, check out, no-show; charge,
 * pay, refund, invoice, credit; blocks; rooms out of order; the night audit; reports, the audit trail, the
 * event stream; guests and their export and erasure; API keys; forecasts), each by an admin key on a
 * property of its own. Recorded at the JDBC level, so the repositories' own SQL counts. Not recorded: the
 * server's start-up, which loads every property's engine (a scan of every shard by design, once a start).
 * The whole stay's walk is checked the same way by {@link StayOverHttpRoutesToOneShardIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementsOverHttpRouteToOneShardIT {

    private final RecordedStatements recorded = new RecordedStatements();
    private LiveServer server;

    @BeforeAll
    void start() {
        server = LiveServer.start(Fixture.onPostgres(recorded::recording));
        recorded.drain(); // start-up
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void every_route_of_the_api_sends_only_statements_that_route_to_one_shard() {
        var cells = new AuthorizationMatrixTest.Cells(server.api(), server.fixture());
        for (AuthorizationMatrixTest.Row row : AuthorizationMatrixTest.TABLE) {
            cells.check(row, AuthorizationMatrixTest.Who.ADMIN);
        }
        List<String> statements = recorded.drain();
        assertThat(statements).as("statements of %s routes", AuthorizationMatrixTest.TABLE.size())
                .hasSizeGreaterThan(AuthorizationMatrixTest.TABLE.size() * 10);
        ShardRouting.check(statements, Set.of("room_types", "rooms", "room_out_of_order", "rate_plans", "nightly_rates",
                "blocks", "block_nights", "type_nights", "room_nights", "bookings", "folios", "folio_lines", "payments",
                "payment_refunds", "invoices", "invoice_lines", "invoice_numbers", "properties", "api_keys", "guests",
                "outbox_events"));
    }
}
