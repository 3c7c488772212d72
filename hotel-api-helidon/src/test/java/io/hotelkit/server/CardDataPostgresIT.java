package io.hotelkit.server;

/** The card data battery on a new PostgreSQL database. */
class CardDataPostgresIT extends CardDataBattery {

    @Override
    Fixture fixture() {
        return Fixture.onPostgres();
    }
}
