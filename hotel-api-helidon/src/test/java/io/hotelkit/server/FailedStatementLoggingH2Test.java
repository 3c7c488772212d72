package io.hotelkit.server;

/** Failed statements' logging on a new H2 database. */
class FailedStatementLoggingH2Test extends FailedStatementLogging {

    @Override
    Fixture fixture() {
        return Fixture.onH2();
    }
}
