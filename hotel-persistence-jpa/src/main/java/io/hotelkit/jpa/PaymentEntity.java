package io.hotelkit.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A row of {@code payments}, with its refunds in {@code payment_refunds}, only ever added to. */
@Entity
@Table(name = "payments")
@IdClass(PaymentEntity.Key.class)
class PaymentEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String id;
    String bookingId;
    String currency;
    BigDecimal amount;
    String method;
    String status;
    String gatewayReference;
    @Nullable String cardHint;
    @Nullable String declineReason;
    long loyaltyPoints;
    Instant createdAt;
    boolean deposit;

    @ElementCollection
    @CollectionTable(name = "payment_refunds", joinColumns = {
            @JoinColumn(name = "property_id", referencedColumnName = "propertyId"),
            @JoinColumn(name = "payment_id", referencedColumnName = "id")})
    @OrderColumn(name = "refund_no")
    List<RefundRow> refunds = new ArrayList<>();

    record Key(String propertyId, String id) {}

    @Embeddable
    static class RefundRow {
        String id;
        BigDecimal amount;
        String gatewayReference;
        Instant createdAt;
    }
}
