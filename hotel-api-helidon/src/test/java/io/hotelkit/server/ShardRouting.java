package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.jpa.testing.RecordedStatements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check of the server's statements against a database sharded by property (docs/SCALING.md): each must
 * name one property for every per-property table it touches (hotel-persistence-jpa's checker), and the
 * tables it may touch without one are these, each for its reason. A table not listed here, per property or
 * exempt, fails the check.
 */
final class ShardRouting {

    /** The tables the server's requests touch that are not distributed by property, and why. */
    static final Map<String, String> NOT_BY_PROPERTY = notByProperty();

    private static Map<String, String> notByProperty() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("properties", "reference table: every request reads its property, and GET /v1/properties lists them");
        tables.put("api_keys", "reference table: every request's key is checked on whichever node it arrives, and "
                + "read-your-writes counts the revoked keys before each request");
        tables.put("api_key_properties", "reference table, with api_keys: a key's scope");
        tables.put("guests", "reference table: a guest is the chain's, found by e-mail or id whatever the property");
        tables.put("loyalty_accounts", "reference table, with guests");
        tables.put("loyalty_entries", "reference table, with guests");
        tables.put("idempotency_keys", "distributed by its own key (scope, key), not by property: a request with a key "
                + "touches its property's shard and the key's (SCALING.md)");
        tables.put("outbox_events", "not distributed (a local table on the coordinator, SCALING.md): its inserts name "
                + "the property, checked; the readers that follow it by position (read-your-writes' catch-up, the "
                + "event stream, the audit trail's pages) read across properties");
        tables.put("outbox_position", "the outbox's one counter row, with outbox_events on the coordinator");
        return Map.copyOf(tables);
    }

    private static final Pattern TABLE = Pattern.compile("\\b(?:from|join|into|update)\\s+(\\w+)");

    private ShardRouting() {}

    /**
     * Checks {@code statements}: none fails to route to one shard, every table touched is per property or
     * listed in {@link #NOT_BY_PROPERTY}, and the flows reached each of {@code reached} (so that a recording
     * that missed the requests' statements cannot pass).
     */
    static void check(List<String> statements, Set<String> reached) {
        assertThat(statements).as("statements recorded").isNotEmpty();
        assertThat(RecordedStatements.notRoutedToOneShard(statements)).as("statements that would not route to one shard")
                .isEmpty();
        assertThat(NOT_BY_PROPERTY.keySet()).as("the tables the persistence module's check exempts")
                .containsExactlyInAnyOrderElementsOf(RecordedStatements.exemptTables().keySet());
        TreeSet<String> touched = new TreeSet<>();
        for (String statement : statements) {
            Matcher table = TABLE.matcher(statement.toLowerCase(Locale.ROOT));
            while (table.find()) {
                touched.add(table.group(1));
            }
        }
        assertThat(touched).as("tables the flows touched").containsAll(reached);
        System.out.printf("%d statements checked; tables touched: %s%n", statements.size(), touched);
    }
}
