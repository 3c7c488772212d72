package io.hotelkit.jpa;

import io.hotelkit.billing.InvoiceNumbers;
import io.hotelkit.shared.PropertyId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Invoice number series in table {@code invoice_numbers}, a counter row per property and year. Taking a
 * number moves the row on in the issuing transaction and holds its lock until that ends: a second issue
 * waits, and a rolled-back issue gives its number back.
 */
final class JpaInvoiceNumbers implements InvoiceNumbers {

    private static final String NEXT_POSTGRESQL = """
            insert into invoice_numbers as n (property_id, year_of_issue, last_number) values (?, ?, 1)
            on conflict (property_id, year_of_issue) do update set last_number = n.last_number + 1
            returning last_number""";
    private static final String NEXT_H2 = """
            merge into invoice_numbers n using (select cast(? as varchar(64)) property_id, cast(? as integer) year_of_issue) s
            on n.property_id = s.property_id and n.year_of_issue = s.year_of_issue
            when matched then update set last_number = n.last_number + 1
            when not matched then insert (property_id, year_of_issue, last_number) values (s.property_id, s.year_of_issue, 1)""";

    private final JpaUnitOfWork transactions;

    JpaInvoiceNumbers(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public long next(PropertyId propertyId, int year) {
        transactions.required();
        return transactions.jdbc(connection -> {
            if (transactions.vendor() == Vendor.POSTGRESQL) {
                try (PreparedStatement next = connection.prepareStatement(NEXT_POSTGRESQL)) {
                    next.setString(1, propertyId.value());
                    next.setInt(2, year);
                    try (ResultSet row = next.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            }
            try (PreparedStatement next = connection.prepareStatement(NEXT_H2)) {
                next.setString(1, propertyId.value());
                next.setInt(2, year);
                try {
                    next.executeUpdate();
                } catch (SQLException e) {
                    if (!StoreFailures.isUniqueViolation(e)) {
                        throw e;
                    }
                    next.executeUpdate(); // another transaction made the series' row first: now it is found
                }
            }
            try (PreparedStatement read = connection.prepareStatement(
                    "select last_number from invoice_numbers where property_id = ? and year_of_issue = ?")) {
                read.setString(1, propertyId.value());
                read.setInt(2, year);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
