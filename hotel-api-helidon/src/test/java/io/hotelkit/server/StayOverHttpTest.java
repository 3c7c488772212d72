package io.hotelkit.server;

/** The whole stay on a hotel in memory. */
class StayOverHttpTest extends StayOverHttp {

    @Override
    Fixture fixture() {
        return new Fixture();
    }
}
