package io.hotelkit.server;

/** The battery of malformed requests on a new PostgreSQL database, which refuses NUL in text where H2 keeps it. */
class MalformedRequestsPostgresIT extends MalformedRequests {

    @Override
    Fixture fixture() {
        return Fixture.onPostgres();
    }
}
