/**
 * hotel-core's ports on JPA (Hibernate 7) over PostgreSQL or H2. {@link io.hotelkit.jpa.JpaStore} is the
 * whole public API: it opens the pool, migrates the schema (Flyway: {@code db/migration/common} for both
 * databases, with placeholders for their differences, beside {@code db/migration/postgresql} or
 * {@code db/migration/h2}) and hands out the unit of work and the repositories.
 *
 * <p>Everything else is package-private. Each aggregate has a row class ({@code ...Entity}), a mapper
 * that copies between the two, and a repository that joins {@link io.hotelkit.jpa.JpaUnitOfWork}'s
 * transaction. To add a port: a migration in {@code common} (written once), the entity (added to {@code JpaStore}'s list),
 * a mapper, the repository, and an accessor on {@code JpaStore}.
 */
@NullMarked
package io.hotelkit.jpa;

import org.jspecify.annotations.NullMarked;
