package io.hotelkit.server;

import io.hotelkit.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every value of every row of every table of a database's schema, each as text: what a thief of a backup reads. */
record TableDump(List<String> tables, List<Cell> cells) {

    /** One value: its table and column, and whether the column holds text (rather than numbers, times, booleans). */
    record Cell(String table, String column, boolean text, String value) {

        @Override
        public String toString() {
            return table + "." + column + " = " + value;
        }
    }

    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);

    static TableDump of(TestDatabase database) {
        List<Cell> cells = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = database.url().startsWith("jdbc:h2:") ? "PUBLIC" : "public";
            try (ResultSet found = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            if (tables.isEmpty()) {
                throw new AssertionError("no tables in " + database.url());
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("select * from " + schema + ".\"" + table + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            String value = rows.getString(c);
                            if (value != null) {
                                cells.add(new Cell(table, columns.getColumnName(c), TEXT.contains(columns.getColumnType(c)),
                                        value));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not dump " + database.url() + ": " + e.getMessage(), e);
        }
        return new TableDump(List.copyOf(tables), List.copyOf(cells));
    }
}
