package io.hotelkit.server;

/** Idempotency of the creating POSTs on a new H2 database, through the JPA adapter. */
class CreatingPostsIdempotencyH2Test extends CreatingPostsIdempotency {

    @Override
    Fixture fixture() {
        return Fixture.onH2();
    }
}
