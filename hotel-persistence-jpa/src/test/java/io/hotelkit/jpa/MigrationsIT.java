package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The PostgreSQL and H2 migrations make the same tables, columns, keys and indexes. */
class MigrationsIT {

    private static final List<String> POSTGRESQL_ONLY = List.of(
            "guests index guests_name_search", "bookings index bookings_room_never_sold_twice");

    @Test
    void postgresql_and_h2_schemas_have_the_same_columns_and_indexes() throws SQLException {
        SortedSet<String> postgres;
        SortedSet<String> h2;
        try (TestDatabase database = TestDatabase.postgres()) {
            database.open().close();
            postgres = schema(database, """
                    select table_name, column_name, is_nullable from information_schema.columns
                    where table_schema = 'public' and table_name <> 'flyway_schema_history'""", """
                    select tablename, indexname from pg_indexes
                    where schemaname = 'public' and tablename <> 'flyway_schema_history'
                      and indexname not like '%_pkey'""");
        }
        try (TestDatabase database = TestDatabase.h2()) {
            database.open().close();
            h2 = schema(database, """
                    select table_name, column_name, is_nullable from information_schema.columns
                    where table_schema = 'PUBLIC' and table_name <> 'flyway_schema_history'""", """
                    select table_name, index_name from information_schema.indexes
                    where table_schema = 'PUBLIC' and table_name <> 'flyway_schema_history'
                      and index_name not like 'PRIMARY_KEY%' and index_name not like 'CONSTRAINT%'
                      and index_name not like 'FK_%'""");
        }

        assertThat(postgres).contains("rooms index rooms_by_type", "outbox_events column data nullable NO");
        // what only PostgreSQL has: the trigram index of name search, the exclusion constraint's index
        assertThat(postgres).containsAll(POSTGRESQL_ONLY);
        postgres.removeAll(POSTGRESQL_ONLY);
        assertThat(h2).isEqualTo(postgres);
    }

    private static SortedSet<String> schema(TestDatabase database, String columns, String indexes) throws SQLException {
        SortedSet<String> lines = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(columns)) {
                while (row.next()) {
                    lines.add(lower(row.getString(1)) + " column " + lower(row.getString(2)) + " nullable " + row.getString(3));
                }
            }
            try (ResultSet row = statement.executeQuery(indexes)) {
                while (row.next()) {
                    // H2 names a unique constraint's index after it, with a suffix of its own.
                    lines.add(lower(row.getString(1)) + " index " + lower(row.getString(2)).replaceFirst("_index_[0-9a-f]+$", ""));
                }
            }
        }
        return lines;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
