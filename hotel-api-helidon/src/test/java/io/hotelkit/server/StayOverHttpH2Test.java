package io.hotelkit.server;

/** The whole stay on a new H2 database, through the JPA adapter. */
class StayOverHttpH2Test extends StayOverHttp {

    @Override
    Fixture fixture() {
        return Fixture.onH2();
    }
}
