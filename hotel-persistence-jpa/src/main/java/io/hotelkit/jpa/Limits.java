package io.hotelkit.jpa;

/** The check of the page sizes that listing methods take. */
final class Limits {

    private Limits() {}

    static int require(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return limit;
    }
}
