package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.jpa.testing.FreshDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaStoreIT {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.postgres();

    @Test
    void the_lock_timeout_holds_on_a_connection_even_after_a_rollback() {
        try (JpaStore store = db.database().storeBuilder().maximumPoolSize(1).lockTimeout(Duration.ofSeconds(3)).open()) {
            JpaUnitOfWork transactions = (JpaUnitOfWork) store.transactions();
            assertThatThrownBy(() -> transactions.run(() -> {
                lockTimeout(transactions);
                throw new IllegalStateException("roll back");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(transactions.inTransaction(() -> lockTimeout(transactions))).isEqualTo("3s");
        }
    }

    @Test
    void closing_a_store_twice_is_harmless() {
        JpaStore store = db.database().open();
        store.close();
        store.close();
    }

    private static String lockTimeout(JpaUnitOfWork transactions) {
        return transactions.jdbc(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("show lock_timeout")) {
                row.next();
                return row.getString(1);
            }
        });
    }
}
