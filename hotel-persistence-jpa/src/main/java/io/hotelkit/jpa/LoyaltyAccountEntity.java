package io.hotelkit.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A row of {@code loyalty_accounts}, with its history in {@code loyalty_entries}, only ever added to. */
@Entity
@Table(name = "loyalty_accounts")
class LoyaltyAccountEntity extends VersionedEntity {
    @Id
    String guestId;
    long points;

    @ElementCollection
    @CollectionTable(name = "loyalty_entries", joinColumns = @JoinColumn(name = "guest_id"))
    @OrderColumn(name = "entry_no")
    List<EntryRow> history = new ArrayList<>();

    @Embeddable
    static class EntryRow {
        Instant earnedAt;
        long points;
        String reason;
        String reference;
    }
}
