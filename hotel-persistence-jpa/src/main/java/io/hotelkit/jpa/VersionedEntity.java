package io.hotelkit.jpa;

import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.HotelException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.VersionConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * The row of a versioned aggregate, and how repositories save one. An aggregate's version is checked
 * and moved on under the row's lock ({@code select ... for update}) rather than with JPA's
 * {@code @Version}: the check is the repository contract's, so it always compares the caller's copy
 * with the stored row, and every save moves the version on, even one that changes no column.
 *
 * <p>Repositories read rows with queries, never {@code EntityManager.find}: Hibernate's {@code find}
 * returns {@code null} for a failed statement once the transaction is marked for rollback, so a lost
 * connection would read as a missing row.
 */
@MappedSuperclass
abstract class VersionedEntity {
    long version;

    /**
     * Saves an aggregate the repository contract's way: a new one (version 0) is inserted at version 1,
     * a changed one is written at the next version if its version is the stored one.
     *
     * @param stored the aggregate's row as the repository read it, or {@code null} if there is none
     * @param spec what the aggregate is called, and how to make and fill its row
     * @return the stored row, flushed
     * @throws DuplicateException if a new aggregate's key or another unique value is taken
     * @throws VersionConflictException if the stored version is not {@code version}
     * @throws NotFoundException if a changed aggregate is not stored, or a row it refers to is missing
     */
    static <E extends VersionedEntity> E save(EntityManager em, @Nullable E stored, long version, Spec<E> spec) {
        return save(em, stored, version, spec, checked -> {});
    }

    /**
     * Saves as {@link #save(EntityManager, VersionedEntity, long, Spec)} does, and runs {@code beforeWrite}
     * once the version is checked and before the row is written: with the stored row, locked and as it is
     * in the database, or with {@code null} for a new aggregate. A repository applies there what the row's
     * change takes from other rows, so that a refusal leaves the row as it was.
     */
    static <E extends VersionedEntity> E save(EntityManager em, @Nullable E stored, long version, Spec<E> spec,
            Consumer<@Nullable E> beforeWrite) {
        E row;
        if (version == 0) {
            if (stored != null) {
                throw new DuplicateException(spec.kind, spec.id, null);
            }
            beforeWrite.accept(null);
            row = spec.create.get();
            spec.fill.accept(row);
            row.version = 1;
            em.persist(row);
        } else {
            if (stored == null) {
                throw new NotFoundException(spec.kind, spec.id);
            }
            row = stored;
            if (em.getLockMode(row) != LockModeType.PESSIMISTIC_WRITE) {
                // Read again under the lock: a row read earlier in this transaction may have changed since. A
                // row this transaction holds locked ({@link #locked}) is as it is in the database already.
                em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
            }
            if (row.version != version) {
                throw new VersionConflictException(spec.kind, spec.id, version, row.version);
            }
            beforeWrite.accept(row);
            spec.fill.accept(row);
            row.version = version + 1;
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (StoreFailures.isUniqueViolation(e)) {
                throw withCause(new DuplicateException(spec.kind, spec.duplicateKey, null), e);
            }
            if (spec.missingParent != null && StoreFailures.isMissingParent(e)) {
                throw withCause(spec.missingParent.get(), e);
            }
            throw e;
        }
        return row;
    }

    /**
     * The row of {@code type} with primary key {@code id}, locked ({@code select ... for update}) and as it
     * is in the database, in one statement at most: a row this transaction holds locked already is taken
     * from the persistence context with no statement; one read earlier without the lock is read again under
     * it ({@code refresh}); any other is read with the lock by {@code query}, which reads it by its key.
     */
    static <E extends VersionedEntity> Optional<E> locked(EntityManager em, Class<E> type, Object id, TypedQuery<E> query) {
        @Nullable E managed = managed(em, type, id);
        if (managed != null) {
            E row = managed;
            if (em.getLockMode(row) != LockModeType.PESSIMISTIC_WRITE) {
                try {
                    em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
                } catch (EntityNotFoundException gone) {
                    return Optional.empty();
                }
            }
            return Optional.of(row);
        }
        return query
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .findFirst();
    }

    /** The row of {@code type} with key {@code id} if this transaction's persistence context has it; no statement. */
    static <E> @Nullable E managed(EntityManager em, Class<E> type, Object id) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        return type.cast(session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister)));
    }

    /**
     * What a repository passes as the stored row when it saves a new aggregate whose key the library made
     * (a time-ordered random id): on PostgreSQL no statement, since a key that is taken after all fails the
     * insert with a {@link DuplicateException} and the failed statement ends the whole transaction, so
     * nothing done before it can be committed; on H2, where a transaction goes on after a failed statement,
     * the row read by {@code load}, so that a duplicate is refused before anything else is written. Either
     * way a row of the persistence context is found with no statement.
     */
    static <E> @Nullable E storedBeforeInsert(EntityManager em, Vendor vendor, Class<E> type, Object id,
            Supplier<Optional<E>> load) {
        @Nullable E managed = managed(em, type, id);
        if (managed != null || vendor == Vendor.POSTGRESQL) {
            return managed;
        }
        return load.get().orElse(null);
    }

    private static HotelException withCause(HotelException refusal, Throwable cause) {
        refusal.initCause(cause);
        return refusal;
    }

    /**
     * How to save one aggregate.
     *
     * @param kind what the aggregate is called in refusals ({@code "room type"})
     * @param id its key within its property, as refusals name it
     * @param duplicateKey the unique value a unique violation is about (the code, for most)
     * @param missingParent the refusal when a row it refers to (its property, its room type) is missing;
     *     {@code null} for an aggregate that refers to no other
     */
    record Spec<E>(
            String kind,
            String id,
            String duplicateKey,
            @Nullable Supplier<? extends HotelException> missingParent,
            Supplier<E> create,
            Consumer<E> fill) {}
}
