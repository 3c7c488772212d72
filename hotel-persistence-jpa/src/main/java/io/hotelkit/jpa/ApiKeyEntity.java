package io.hotelkit.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A row of {@code api_keys}, with the properties it may see from {@code api_key_properties}. */
@Entity
@Table(name = "api_keys")
class ApiKeyEntity {
    @Id
    String id;
    String name;
    String role;
    String hash;
    Instant createdAt;
    @Nullable Instant revokedAt;

    @ElementCollection
    @CollectionTable(name = "api_key_properties", joinColumns = @JoinColumn(name = "api_key_id"))
    @Column(name = "property_id")
    Set<String> propertyIds = new HashSet<>();
}
