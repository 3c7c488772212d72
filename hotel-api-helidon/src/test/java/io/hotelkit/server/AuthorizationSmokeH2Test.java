package io.hotelkit.server;

/** The authorization smoke path on a new H2 database. */
class AuthorizationSmokeH2Test extends AuthorizationSmoke {

    @Override
    Fixture fixture() {
        return Fixture.onH2();
    }
}
