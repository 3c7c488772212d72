package io.hotelkit.jpa.testing;

import io.hotelkit.jpa.JpaStore;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that gives a test class a database of its own, with a store open on it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FreshDatabase db = FreshDatabase.postgres();
 * ... db.store().properties() ...
 * }</pre>
 *
 * The database is made before the class's first test and dropped after its last; the tests of a class
 * share it.
 */
public final class FreshDatabase implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<TestDatabase> make;
    private final Function<TestDatabase, JpaStore> open;
    private TestDatabase database;
    private JpaStore store;

    private FreshDatabase(Supplier<TestDatabase> make) {
        this(make, TestDatabase::open);
    }

    private FreshDatabase(Supplier<TestDatabase> make, Function<TestDatabase, JpaStore> open) {
        this.make = make;
        this.open = open;
    }

    /** The same database, with its store opened by {@code open} (a store with settings of its own). */
    public FreshDatabase opening(Function<TestDatabase, JpaStore> open) {
        return new FreshDatabase(make, open);
    }

    public static FreshDatabase h2() {
        return new FreshDatabase(TestDatabase::h2);
    }

    /** On {@code HOTEL_TEST_POSTGRES_URL}'s server, or else an embedded one. */
    public static FreshDatabase postgres() {
        return new FreshDatabase(TestDatabase::postgres);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = make.get();
        store = open.apply(database);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
            store = null;
            database = null;
        }
    }

    /** The store open on the database, with the default settings. */
    public JpaStore store() {
        if (store == null) {
            throw new IllegalStateException("the database is made before the test class's first test; register the extension on a static field");
        }
        return store;
    }

    /** The database, for stores with settings of their own or for plain JDBC. */
    public TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("the database is made before the test class's first test; register the extension on a static field");
        }
        return database;
    }
}
