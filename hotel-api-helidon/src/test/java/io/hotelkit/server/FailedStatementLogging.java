package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Logs carry ids, never values: when the database refuses a statement (several desks register the same
 * e-mail at once, and all but one insert break the unique key), no log line repeats what the statement
 * held: no name, e-mail, telephone number or preference. A subclass names the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FailedStatementLogging {

    private CapturedLog log;
    private LiveServer server;
    private Lisbon lisbon;

    /** A fixture on the database under test. */
    abstract Fixture fixture();

    @BeforeAll
    void start() {
        server = LiveServer.start(fixture());
        lisbon = Lisbon.setUp(server.api(), server.fixture());
        // once the server has started: starting configures logging afresh, which removes earlier handlers
        log = new CapturedLog();
    }

    @AfterAll
    void stop() throws Exception {
        try (CapturedLog closed = log) {
            server.close();
        }
    }

    @Test
    void desks_registering_the_same_guest_at_once_leave_no_personal_data_in_the_log() throws Exception {
        List<String> personal = List.of("Quintela", "marta.quintela", "912 777 333", "kosher-and-no-feathers");
        int desks = 8;
        for (int round = 0; round < 5; round++) {
            String body = """
                    {"name": "Marta Quintela", "email": "marta.quintela%d@example.com", "phone": "+351 912 777 333",
                     "preferences": {"diet": "kosher-and-no-feathers"}}""".formatted(round);
            var answers = Api.inParallel(desks, () -> server.api().post("/v1/guests", lisbon.frontDesk, body));
            assertThat(answers).extracting(Api.Response::status).containsOnly(201, 409).containsOnlyOnce(201);
        }
        String text = log.text();
        assertThat(personal).allSatisfy(value -> assertThat(text).doesNotContainIgnoringCase(value));
    }
}
