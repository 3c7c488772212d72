package io.hotelkit.examples.repository;

import io.hotelkit.guests.Guest;
import io.hotelkit.guests.Guests;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.UnitOfWork;
import io.hotelkit.shared.VersionConflictException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The guests in a database through plain {@code java.sql} (H2 here), taking part in hotel-core's
 * transactions: the first write of a transaction opens a JDBC transaction, which commits when the hotel's
 * transaction commits ({@link UnitOfWork#afterCommit}) and rolls back when it rolls back
 * ({@link UnitOfWork#afterRollback}). Reads inside the transaction see its writes; reads outside see
 * committed rows only.
 *
 * <p>To stay short it keeps no free-form preferences: a guest with some is refused.
 */
public final class H2Guests implements Guests {

    private final String url;
    private final UnitOfWork transactions;
    private final ThreadLocal<Connection> open = new ThreadLocal<>();

    public H2Guests(String url, UnitOfWork transactions) {
        this.url = url;
        this.transactions = transactions;
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("""
                    create table if not exists guest (
                      id varchar(64) primary key, name varchar(200) not null, email varchar(254) unique,
                      phone varchar(32), nationality char(2), loyalty_opt_in boolean not null,
                      created_at timestamp with time zone not null, erased_at timestamp with time zone, version bigint not null)""");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the guest table", e);
        }
    }

    @Override
    public Optional<Guest> findBy(GuestId id) {
        List<Guest> found = query("select * from guest where id = ?", id.value());
        return found.stream().findFirst();
    }

    @Override
    public Optional<Guest> findByEmail(String email) {
        return query("select * from guest where email = ?", Guest.normalizeEmail(email)).stream().findFirst();
    }

    @Override
    public List<Guest> search(@Nullable String email, @Nullable String name, @Nullable GuestId afterId, int limit) {
        return query("select * from guest where erased_at is null and (? is null or email = ?) and (? is null or lower(name) like ?)"
                        + " and (? is null or id > ?) order by id limit " + Math.max(0, limit),
                email, email, name, name == null ? null : "%" + name.toLowerCase(Locale.ROOT) + "%",
                afterId == null ? null : afterId.value(), afterId == null ? null : afterId.value());
    }

    @Override
    public Guest save(Guest guest) {
        if (!guest.preferences().isEmpty()) {
            throw new IllegalArgumentException("this example's guest repository keeps no preferences");
        }
        long stored = findBy(guest.id()).map(Guest::version).orElse(0L);
        if (guest.version() != stored) {
            throw new VersionConflictException("guest", guest.id().value(), guest.version(), stored);
        }
        if (guest.email() != null) {
            findByEmail(guest.email()).filter(owner -> !owner.id().equals(guest.id())).ifPresent(owner -> {
                throw new DuplicateException("guest with email", "(redacted)", owner.id().value());
            });
        }
        Guest saved = guest.withVersion(stored + 1);
        try (PreparedStatement merge = transaction().prepareStatement(
                "merge into guest (id, name, email, phone, nationality, loyalty_opt_in, created_at, erased_at, version)"
                        + " key (id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            merge.setString(1, saved.id().value());
            merge.setString(2, saved.name());
            merge.setString(3, saved.email());
            merge.setString(4, saved.phone());
            merge.setString(5, saved.nationality());
            merge.setBoolean(6, saved.loyaltyOptIn());
            merge.setTimestamp(7, Timestamp.from(saved.createdAt()));
            merge.setTimestamp(8, saved.erasedAt() == null ? null : Timestamp.from(saved.erasedAt()));
            merge.setLong(9, saved.version());
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save guest " + saved.id(), e);
        }
        return saved;
    }

    /** The calling thread's JDBC transaction, begun with its hotel transaction's first write. */
    private Connection transaction() throws SQLException {
        Connection connection = open.get();
        if (connection == null) {
            connection = DriverManager.getConnection(url);
            connection.setAutoCommit(false);
            open.set(connection);
            Connection begun = connection;
            transactions.afterCommit(() -> end(begun, true));
            transactions.afterRollback(() -> end(begun, false));
        }
        return connection;
    }

    private void end(Connection connection, boolean commit) {
        open.remove();
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + (commit ? "commit" : "roll back") + " the guests' transaction", e);
        }
    }

    private List<Guest> query(String sql, Object... parameters) {
        Connection inTransaction = open.get();
        try (Connection own = inTransaction == null ? DriverManager.getConnection(url) : null) {
            Connection connection = inTransaction != null ? inTransaction : own;
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = select.executeQuery()) {
                    List<Guest> guests = new ArrayList<>();
                    while (rows.next()) {
                        Timestamp erased = rows.getTimestamp("erased_at");
                        guests.add(new Guest(GuestId.of(rows.getString("id")), rows.getString("name"), rows.getString("email"),
                                rows.getString("phone"), rows.getString("nationality"), Map.of(), rows.getBoolean("loyalty_opt_in"),
                                rows.getTimestamp("created_at").toInstant(), erased == null ? null : erased.toInstant(),
                                rows.getLong("version")));
                    }
                    return guests;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read guests", e);
        }
    }
}
