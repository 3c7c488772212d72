package io.hotelkit.server;

import io.hotelkit.jpa.testing.RecordedStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole stay over HTTP ({@link StayOverHttp}) on PostgreSQL, every statement the JPA adapter sends while
 * the server answers it recorded and checked to route to one shard ({@link ShardRouting}); the server's
 * start-up is not recorded (it loads every property, by design).
 */
class StayOverHttpRoutesToOneShardIT extends StayOverHttp {

    private final RecordedStatements recorded = new RecordedStatements();
    private final List<String> statements = new ArrayList<>();

    @Override
    Fixture fixture() {
        return Fixture.onPostgres(recorded::recording);
    }

    @BeforeAll
    void startRecording() {
        recorded.drain(); // start-up, and the keys the fixture stored before the first request
    }

    @AfterAll
    void everyStatementRoutedToOneShard() {
        statements.addAll(recorded.drain());
        ShardRouting.check(statements, Set.of("rooms", "rate_plans", "nightly_rates", "type_nights", "room_nights",
                "bookings", "folios", "folio_lines", "payments", "invoices", "invoice_lines", "invoice_numbers",
                "idempotency_keys", "outbox_events"));
    }
}
