package io.hotelkit.server;

/** The whole stay on a new PostgreSQL database: {@code HOTEL_TEST_POSTGRES_URL}'s server, or an embedded one. */
class StayOverHttpPostgresIT extends StayOverHttp {

    @Override
    Fixture fixture() {
        return Fixture.onPostgres();
    }
}
