package io.hotelkit.jpa.testing;

import io.hotelkit.jpa.JpaStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shard-routing check for tests of other modules (the server's over HTTP): a store whose every statement
 * is recorded at the JDBC level ({@link StatementCounter}), and {@link ShardRouting}'s verdict on each.
 * Test code only.
 */
public final class RecordedStatements {

    private final StatementCounter counter = new StatementCounter();

    /** {@code builder}, its store's statements recorded here. */
    public JpaStore.Builder recording(JpaStore.Builder builder) {
        return builder.wrapDataSource(counter::wrap);
    }

    /** The statements sent since the last call, in order; and starts again. */
    public List<String> drain() {
        return counter.drain();
    }

    /**
     * Each statement of {@code statements} that would not route to one shard of a database sharded by
     * property, with what is wrong with it; empty if all would.
     */
    public static Map<String, List<String>> notRoutedToOneShard(List<String> statements) {
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (String statement : statements) {
            List<String> problems = ShardRouting.problems(statement);
            if (!problems.isEmpty()) {
                wrong.put(statement, problems);
            }
        }
        return wrong;
    }

    /** The tables a statement need not pin to a property, each with the reason (docs/SCALING.md). */
    public static Map<String, String> exemptTables() {
        return Map.copyOf(ShardRouting.EXEMPT);
    }

    /** Why {@code statement} crosses shards on purpose, if it is one of the statements that may. */
    public static java.util.Optional<String> crossesShardsOnPurpose(String statement) {
        return ShardRouting.crossShard(statement);
    }
}
