package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedder that is a named module, on the module path with hotel-core ({@code io.hotelkit}), this
 * module's packaged jar ({@code io.hotelkit.jpa}) and the libraries its descriptor requires, the other libraries
 * on the class path: it compiles
 * against the exported packages alone, builds a Hotel on JPA (H2) and reads its availability; reaching into
 * core's SPI or internal packages does not compile. Runs on the packaged jar, so it is an IT.
 */
class ModulePathEmbedderIT {

    private static final String MODULE_INFO = """
            module embedder {
                requires io.hotelkit;
                requires io.hotelkit.jpa;
            }
            """;

    private static final String EMBEDDER = """
            package example.embedder;

            import io.hotelkit.Hotel;
            import io.hotelkit.inventory.NewProperty;
            import io.hotelkit.inventory.Property;
            import io.hotelkit.jpa.JpaStore;
            import io.hotelkit.shared.Money;
            import io.hotelkit.shared.Stay;
            import java.time.Clock;
            import java.time.LocalDate;
            import java.time.LocalTime;
            import java.time.ZoneId;

            public final class Main {
                public static void main(String[] args) {
                    ZoneId lisbon = ZoneId.of("Europe/Lisbon");
                    LocalDate today = LocalDate.of(2026, 12, 1);
                    Clock clock = Clock.fixed(today.atStartOfDay(lisbon).toInstant(), lisbon);
                    try (JpaStore store = JpaStore.open(args[0], null, null)) {
                        Hotel hotel = Hotel.builder().storage(store).clock(clock).build();
                        Property property = hotel.inventory().createProperty(new NewProperty("LIS", "Lisbon Riverside",
                                lisbon, Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0), null, null, today));
                        hotel.inventory().addRoomType(property.id(), "DBL", "Double", 2, 1, 3, 2, 0);
                        hotel.inventory().addRoom(property.id(), "101", "DBL", "1");
                        hotel.inventory().addRoom(property.id(), "102", "DBL", "1");
                        Stay stay = Stay.of(today.plusDays(7), today.plusDays(10));
                        System.out.println(Main.class.getModule().getName() + " on " + JpaStore.class.getModule().getName()
                                + ": DBL free " + hotel.engine().available(property.id(), "DBL", stay.nightsAsRange()));
                    }
                }
            }
            """;

    /** The jars (by artifact id) of the libraries this module's descriptor requires, and HikariCP's SLF4J. */
    private static final List<String> REQUIRED_LIBRARIES = List.of("jakarta.persistence-api", "hibernate-core", "HikariCP",
            "flyway-core", "jackson-databind", "jackson-core", "jackson-annotations", "postgresql", "slf4j-api");

    /** hotel-core, JSpecify (core requires it, static: at compile time), this module's jar and what it requires. */
    private static String modulePath;
    private static String libraries;

    @BeforeAll
    static void findTheModulesAndTheLibraries() {
        String jpaJar = System.getProperty("hotel.jpa.jar");
        assertThat(jpaJar).as("hotel.jpa.jar, set by failsafe").isNotNull();
        assertThat(Path.of(jpaJar)).as("the packaged jar").isRegularFile();
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String corePath = classPath.stream()
                .filter(entry -> entry.endsWith("hotel-core" + File.separator + "target" + File.separator + "classes")
                        || entry.matches(".*hotel-core-[^" + File.separator + "]*(?<!-tests)\\.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("hotel-core's classes are not on the test class path: " + classPath));
        String jspecify = classPath.stream().filter(entry -> entry.contains("jspecify")).findFirst()
                .orElseThrow(() -> new AssertionError("JSpecify is not on the test class path: " + classPath));
        // This module requires these by name, so they are modules too: named (Jakarta Persistence, HikariCP,
        // Jackson) or automatic (Hibernate, PostgreSQL's driver, Flyway). What they need in turn stays on the class
        // path, which an automatic module reads.
        List<String> required = classPath.stream()
                .filter(entry -> REQUIRED_LIBRARIES.stream().anyMatch(name -> fileName(entry).startsWith(name + "-")))
                .toList();
        assertThat(required).as("the libraries io.hotelkit.jpa requires, on the test class path").hasSize(REQUIRED_LIBRARIES.size());
        modulePath = String.join(File.pathSeparator, corePath, jspecify, jpaJar, String.join(File.pathSeparator, required));
        // Only the other libraries stay on the class path: hotelkit's own code is on the module path, once.
        libraries = classPath.stream()
                .filter(entry -> !entry.contains("hotel-core") && !entry.contains("hotel-persistence-jpa")
                        && !entry.equals(jspecify) && !required.contains(entry))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String fileName(String classPathEntry) {
        return Path.of(classPathEntry).getFileName().toString();
    }

    @Test
    void an_embedder_module_builds_a_hotel_on_jpa_from_the_exported_packages_alone(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes");
        List<String> errors = compile(dir.resolve("src"), classes, EMBEDDER);
        assertThat(errors).as("compiler errors").isEmpty();

        String h2 = "jdbc:h2:file:" + dir.resolve("hotel").toAbsolutePath();
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", classes + File.pathSeparator + modulePath,
                "--class-path", libraries,
                // The libraries on the class path need the JDK modules an application on the class path has
                // (java.sql, java.naming, ...); a named main module alone resolves only what it requires.
                "--add-modules", "ALL-DEFAULT",
                "--module", "embedder/example.embedder.Main", h2)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        boolean ended = java.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            java.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(ended).as("the embedder ended within 2 minutes; its output:%n%s", out).isTrue();
        assertThat(java.exitValue()).as("exit value; output:%n%s", out).isZero();
        assertThat(out.lines()).as(out).contains("embedder on io.hotelkit.jpa: DBL free 2");
    }

    @Test
    void core_spi_and_internal_packages_are_not_visible_to_an_embedder(@TempDir Path dir) {
        String spy = """
                package example.embedder;

                public final class Spy {
                    io.hotelkit.spi.InventoryDelta delta;
                    io.hotelkit.internal.Codes codes;
                }
                """;

        List<String> errors = compile(dir.resolve("src"), dir.resolve("classes"), spy);

        assertThat(errors).anySatisfy(error -> assertThat(error).contains("package io.hotelkit.spi is not visible"));
        assertThat(errors).anySatisfy(error -> assertThat(error).contains("package io.hotelkit.internal is not visible"));
    }

    /** The compiler's errors for module {@code embedder} with one class in {@code example.embedder}. */
    private static List<String> compile(Path sources, Path classes, String javaSource) {
        try {
            Path packageDir = Files.createDirectories(sources.resolve("example/embedder"));
            Files.writeString(sources.resolve("module-info.java"), MODULE_INFO);
            String className = javaSource.contains("class Spy") ? "Spy" : "Main";
            Path source = Files.writeString(packageDir.resolve(className + ".java"), javaSource);
            Files.createDirectories(classes);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> options = new ArrayList<>(List.of(
                        "--module-path", modulePath,
                        "--class-path", libraries,
                        "-d", classes.toString()));
                StringWriter log = new StringWriter();
                javac.getTask(log, files, diagnostics, options, null,
                        files.getJavaFileObjects(sources.resolve("module-info.java"), source)).call();
            }
            return diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(Locale.ROOT))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
