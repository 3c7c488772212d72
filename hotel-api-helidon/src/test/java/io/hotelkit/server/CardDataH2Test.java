package io.hotelkit.server;

/** The card data battery on a new H2 database. */
class CardDataH2Test extends CardDataBattery {

    @Override
    Fixture fixture() {
        return Fixture.onH2();
    }
}
