package io.hotelkit.server;

/** Failed statements' logging on a new PostgreSQL database. */
class FailedStatementLoggingPostgresIT extends FailedStatementLogging {

    @Override
    Fixture fixture() {
        return Fixture.onPostgres();
    }
}
