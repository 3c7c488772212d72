package io.hotelkit.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The staff console under {@code /console} and the API reference (Swagger UI over {@code /openapi}) under
 * {@code /docs}: static files from the classpath, no Node.js at run time. Every answer carries a
 * Content-Security-Policy that lets a page load nothing from another origin, and cache headers: the pages
 * are revalidated on every load (so a new release is seen at once), the console's scripts and styles are
 * kept ten minutes, and Swagger UI's files, whose path holds their version, a year. {@code GET /} sends a
 * browser to the console.
 */
final class Console {

    /** The console's pages: scripts, styles and calls to this server only. */
    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Swagger UI sets inline styles on its elements; still nothing from another origin. */
    static final String DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String REVALIDATE = "no-cache";
    static final String ASSETS = "public, max-age=600";
    static final String VERSIONED = "public, max-age=31536000, immutable";

    private Console() {}

    /** Registers {@code /}, {@code /console} and {@code /docs}; before the {@code /v1} routing or after, alike. */
    static void routing(HttpRouting.Builder routing) {
        routing.get("/", (req, res) -> {
            res.status(Status.FOUND_302).header(HeaderNames.LOCATION, "/console/").send();
        })
                .any("/console", Console::consoleHeaders)
                .any("/console/*", Console::consoleHeaders)
                .register("/console", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("console")
                        .welcome("index.html")
                        .build()))
                .any("/docs", Console::docsHeaders)
                .any("/docs/*", Console::docsHeaders)
                .register("/docs/swagger-ui", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion())
                        .build()))
                .register("/docs", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("docs")
                        .welcome("index.html")
                        .build()));
    }

    private static void consoleHeaders(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        res.header(HeaderNames.CACHE_CONTROL, isPage(path) ? REVALIDATE : ASSETS);
        common(res, CONSOLE_POLICY);
        res.next();
    }

    private static void docsHeaders(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        res.header(HeaderNames.CACHE_CONTROL, path.startsWith("/docs/swagger-ui/") ? VERSIONED
                : isPage(path) ? REVALIDATE : ASSETS);
        common(res, DOCS_POLICY);
        res.next();
    }

    private static boolean isPage(String path) {
        return path.endsWith("/") || path.endsWith(".html") || path.equals("/console") || path.equals("/docs");
    }

    private static void common(ServerResponse res, String policy) {
        res.header("Content-Security-Policy", policy);
        res.header("X-Content-Type-Options", "nosniff");
        res.header("Referrer-Policy", "no-referrer");
        res.header("X-Frame-Options", "DENY");
    }

    /** The version of the Swagger UI webjar on the classpath: its files are under a folder of that name. */
    static String swaggerUiVersion() {
        try (InputStream in = Console.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
