package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The staff console and the API reference as a browser gets them: files, cache headers, Content-Security-Policy. */
class ConsoleFilesTest {

    private static HotelServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = HotelServer.start(ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "0",
                "HOTEL_DB_URL", "jdbc:h2:mem:console-files;DB_CLOSE_DELAY=-1")), Clock.systemUTC());
        api = new Api(Http1Client.builder().baseUri("http://localhost:" + server.port()).followRedirects(false).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_root_sends_a_browser_to_the_console() {
        Api.Response root = api.get("/", null);

        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location").orElse("")).contains("/console/");
    }

    @Test
    void the_console_page_is_revalidated_on_every_load_and_may_load_nothing_from_another_origin() {
        Api.Response page = api.get("/console/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/console/js/app.js\"></script>");
        assertThat(page.header("Cache-Control").orElse("")).contains("no-cache");
        assertThat(page.header("Content-Security-Policy").orElse("")).contains(Console.CONSOLE_POLICY);
        assertThat(page.header("X-Content-Type-Options").orElse("")).contains("nosniff");
    }

    @Test
    void the_console_policy_names_no_other_origin_and_allows_no_inline_script() {
        for (String directive : Console.CONSOLE_POLICY.split(";")) {
            String[] words = directive.strip().split(" ");
            for (int i = 1; i < words.length; i++) {
                assertThat(words[i]).as(directive).isIn("'self'", "'none'", "data:");
            }
        }
        assertThat(Console.DOCS_POLICY).doesNotContain("http").doesNotContain("'unsafe-eval'");
        assertThat(Console.DOCS_POLICY.split(";")[1]).isEqualTo(" script-src 'self'");
    }

    @Test
    void scripts_and_styles_are_kept_for_a_while_and_served_with_their_types() {
        Api.Response script = api.get("/console/js/app.js", null);
        Api.Response style = api.get("/console/console.css", null);

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.header("Cache-Control").orElse("")).contains(Console.ASSETS);
        assertThat(script.header("Content-Security-Policy").orElse("")).contains(Console.CONSOLE_POLICY);
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");
    }

    @Test
    void every_screen_module_the_console_imports_is_served() {
        for (String module : new String[] {"api", "ui", "roles", "guests", "tape", "desk", "newbooking", "booking",
                "housekeeping", "dashboard", "manager", "chart", "forecast"}) {
            assertThat(api.get("/console/js/" + module + ".js", null).status()).as(module).isEqualTo(200);
        }
    }

    @Test
    void a_missing_console_file_is_404() {
        assertThat(api.get("/console/js/nothing.js", null).status()).isEqualTo(404);
    }

    @Test
    void the_api_reference_is_swagger_ui_from_this_server_over_its_openapi_document() {
        Api.Response page = api.get("/docs/", null);
        Api.Response init = api.get("/docs/docs.js", null);
        Api.Response bundle = api.get("/docs/swagger-ui/swagger-ui-bundle.js", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/docs/swagger-ui/swagger-ui-bundle.js").doesNotContain("https://");
        assertThat(page.header("Content-Security-Policy").orElse("")).contains(Console.DOCS_POLICY);
        assertThat(init.body()).contains("url: '/openapi'");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("Cache-Control").orElse("")).contains("immutable");
        assertThat(api.get("/openapi", null).status()).isEqualTo(200);
    }
}
