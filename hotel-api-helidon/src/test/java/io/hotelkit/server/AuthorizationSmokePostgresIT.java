package io.hotelkit.server;

/** The authorization smoke path on a new PostgreSQL database. */
class AuthorizationSmokePostgresIT extends AuthorizationSmoke {

    @Override
    Fixture fixture() {
        return Fixture.onPostgres();
    }
}
