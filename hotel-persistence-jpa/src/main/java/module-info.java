/**
 * hotelkit's storage on a relational database through JPA (Hibernate): PostgreSQL in production, H2 embedded.
 *
 * <p>Its API is {@link io.hotelkit.jpa.JpaStore} (a {@link io.hotelkit.Storage}) and {@link io.hotelkit.jpa.Vendor};
 * everything else in the package is package-private. Flyway is required by the name the JVM derives from its jar
 * ({@code flyway.core}): flyway-core 13 names no module (docs/DESIGN.md, "hotel-persistence-jpa and Flyway").
 */
@SuppressWarnings("requires-automatic")
module io.hotelkit.jpa {
    requires transitive io.hotelkit;
    requires static org.jspecify;

    requires transitive java.sql;
    requires jakarta.persistence;
    requires org.hibernate.orm.core;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires com.fasterxml.jackson.databind;
    requires org.postgresql.jdbc;

    exports io.hotelkit.jpa;

    // The entities, read and written by reflection.
    opens io.hotelkit.jpa to org.hibernate.orm.core;
    // Flyway finds the migrations as resources.
    opens db.migration.common;
    opens db.migration.h2;
    opens db.migration.postgresql;
}
