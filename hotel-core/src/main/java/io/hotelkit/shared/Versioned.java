package io.hotelkit.shared;

/**
 * An aggregate with an optimistic version: new ones have version 0; a repository stores version 1 and
 * counts up on every save, refusing a copy that was read at another version.
 */
public interface Versioned<T> {

    long version();

    /** This aggregate at another version; for repositories only. */
    T withVersion(long version);
}
