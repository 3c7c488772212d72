package io.hotelkit.server;

/** Idempotency of the creating POSTs on the in-memory storage. */
class CreatingPostsIdempotencyMemoryTest extends CreatingPostsIdempotency {

    @Override
    Fixture fixture() {
        return Fixture.inMemory();
    }
}
