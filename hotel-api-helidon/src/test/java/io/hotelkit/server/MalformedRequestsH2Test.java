package io.hotelkit.server;

/** The battery of malformed requests on a new H2 database, through the JPA adapter. */
class MalformedRequestsH2Test extends MalformedRequests {

    @Override
    Fixture fixture() {
        return Fixture.onH2();
    }
}
