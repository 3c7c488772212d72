package io.hotelkit.server;

/** Idempotency of the creating POSTs on a new PostgreSQL database (`HOTEL_TEST_POSTGRES_URL`'s server, or an embedded one). */
class CreatingPostsIdempotencyPostgresIT extends CreatingPostsIdempotency {

    @Override
    Fixture fixture() {
        return Fixture.onPostgres();
    }
}
