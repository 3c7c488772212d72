package io.hotelkit.benchmarks.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16's two booking ratios, measured in one run on one database server, each against a limit measured
 * in the same minutes (the machine is shared and noisy, so only ratios of one run compare):
 * <ol>
 *   <li>{@code pgbench}'s TPC-B-like transactions a second with {@code clients} clients on a scratch database
 *       (scale = clients, so each client has a branch of its own, as pgbench's documentation advises), before
 *       and after the replays;
 *   <li>the JPA replay ({@link JpaTarget}) of the first {@code rows} real bookings with {@code clients} events in
 *       flight: bookings a second of its warm run, and that over pgbench's transactions a second (target 0.6);
 *   <li>the same replay through the reference server's v1 API over loopback on the same server
 *       ({@link HttpTarget}, {@code http-postgres}): its bookings a second over the JPA replay's (target 0.7).
 * </ol>
 * Each figure is printed with the machine's load average at its end. {@code pgbench} is Debian's
 * ({@code /usr/lib/postgresql/15/bin/pgbench}, package {@code postgresql-contrib}), or {@code PGBENCH}'s.
 *
 * <p>Run: {@code cd benchmarks && HOTEL_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
 * java -Xmx2g -cp target/benchmarks.jar io.hotelkit.benchmarks.replay.BookingRatios [rows, default 10000]
 * [clients, default 16] [pgbench seconds, default 30] [what: jpa, http or both (default)] [replay runs, default 2]}.
 */
public final class BookingRatios {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private BookingRatios() {}

    /** One figure with the machine's one-minute load average when it was taken. */
    record Figure(double perSecond, double load, String what) {
        @Override
        public String toString() {
            return "%,.0f/s (%s; load average %.1f)".formatted(perSecond, what, load);
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String what = args.length > 3 ? args[3] : "both";
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        PrintStream out = System.out;
        String adminUrl = System.getenv().getOrDefault("HOTEL_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        out.printf("%s UTC, JDK %s, nproc %d, %s rows, %d clients / in flight; database server %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                rows, clients, adminUrl.replaceAll("\\?.*", ""));

        List<Figure> pgbench = new ArrayList<>();
        pgbench.add(pgbench(adminUrl, clients, seconds, out));
        Figure jpa = null;
        Figure http = null;
        if (!what.equals("http")) {
            jpa = replay(rows, runs, clients, JpaTarget::new, out);
        }
        if (!what.equals("jpa")) {
            http = replay(rows, runs, clients, () -> new HttpTarget(true), out);
            if (jpa == null) {
                jpa = replay(rows, runs, clients, JpaTarget::new, out);
            }
        }
        pgbench.add(pgbench(adminUrl, clients, seconds, out));

        double tps = pgbench.stream().mapToDouble(Figure::perSecond).average().orElseThrow();
        out.println();
        out.printf("pgbench TPC-B-like, %d clients: %s and %s; mean %,.0f tps%n", clients, pgbench.get(0), pgbench.get(1), tps);
        out.printf("JPA replay, %d in flight (warm): %s%n", clients, jpa);
        out.printf("  JPA bookings/s over pgbench's tps: %.3f (target >= 0.6: %s)%n", jpa.perSecond() / tps,
                jpa.perSecond() / tps >= 0.6 ? "met" : "not met");
        if (http != null) {
            out.printf("HTTP replay (http-postgres), %d in flight (warm): %s%n", clients, http);
            out.printf("  HTTP bookings/s over JPA bookings/s: %.3f (target >= 0.7: %s)%n", http.perSecond() / jpa.perSecond(),
                    http.perSecond() / jpa.perSecond() >= 0.7 ? "met" : "not met");
        }
    }

    /** The replay's last (warm) run: bookings sent a second, cancellations' time included. */
    private static Figure replay(int rows, int runs, int window, Supplier<Target> targets, PrintStream out) throws IOException {
        Replay.Result result = Replay.replay(Replay.DEFAULT_DATA, rows, Path.of("target", "replay"), targets, runs, window,
                new PrintStream(new FilteringStream(out), true, StandardCharsets.UTF_8));
        if (result.refused() > 0) {
            out.println("  refused: " + result.refusals());
        }
        return new Figure(result.bookingsPerSecond(), load(), "%s, %d bookings and %d cancellations in %.2f s".formatted(
                result.target(), result.bookings(), result.cancellations(), result.elapsedNanos() / 1e9));
    }

    /**
     * pgbench's TPC-B-like script with {@code clients} clients (2 threads) for {@code seconds} on a database made
     * for it and dropped after: the figure is pgbench's "tps without initial connection time".
     */
    static Figure pgbench(String adminUrl, int clients, int seconds, PrintStream out) throws IOException, InterruptedException {
        Matcher url = POSTGRES_URL.matcher(adminUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql URL: " + adminUrl);
        }
        String host = url.group(1);
        String port = url.group(2) == null ? "5432" : url.group(2);
        String user = parameter(url.group(4), "user", "postgres");
        String database = "pgbench_" + Long.toHexString(System.nanoTime());
        sql(adminUrl, "create database " + database);
        try {
            List<String> common = List.of("-h", host, "-p", port, "-U", user);
            run(command(common, "-i", "-q", "-s", String.valueOf(clients), database));
            String report = run(command(common, "-n", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), database));
            Matcher tps = TPS.matcher(report);
            if (!tps.find()) {
                throw new IllegalStateException("no tps in pgbench's report:\n" + report);
            }
            Figure figure = new Figure(Double.parseDouble(tps.group(1)), load(),
                    "pgbench TPC-B-like, scale %d, %d s".formatted(clients, seconds));
            out.println(figure);
            return figure;
        } finally {
            sql(adminUrl, "drop database if exists " + database);
        }
    }

    private static List<String> command(List<String> common, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(pgbenchBinary());
        command.addAll(common);
        command.addAll(List.of(rest));
        return command;
    }

    private static String pgbenchBinary() {
        String configured = System.getenv("PGBENCH");
        if (configured != null) {
            return configured;
        }
        Path debian = Path.of("/usr/lib/postgresql/15/bin/pgbench");
        return Files.isExecutable(debian) ? debian.toString() : "pgbench";
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static void sql(String url, String statement) {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + statement + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static String parameter(String query, String name, String otherwise) {
        if (query == null) {
            return otherwise;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return kv[1];
            }
        }
        return otherwise;
    }

    /** The one-minute load average, from {@code /proc/loadavg}; NaN where there is none. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Passes on the replay's lines about runs and the database, not its monthly tables. */
    private static final class FilteringStream extends java.io.OutputStream {
        private final PrintStream out;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        FilteringStream(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("run ") || lower.startsWith("database") || lower.startsWith("replaying")
                    || lower.startsWith("requests answered")) {
                out.println("  " + text + "  [load average " + load() + "]");
            }
        }
    }
}
