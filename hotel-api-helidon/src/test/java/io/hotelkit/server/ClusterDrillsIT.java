package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.jpa.testing.TestDatabase;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drills (1), (2) and (3) of docs/RELIABILITY.md: three instances of the packaged server on one PostgreSQL
 * (a fresh database on {@code HOTEL_TEST_POSTGRES_URL}'s server, or an embedded one) behind nginx run from
 * {@code deploy/nginx.conf.template}, every request through nginx's round robin. They check invariants that
 * hold whichever instance answers, not that one instance sees another's writes at once: no night sold twice
 * (counted in SQL), one booking per idempotency key, and every booking answered 201 in the database after
 * {@code kill -9} of an instance. Skipped, saying so, where nginx is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterDrillsIT {

    static final String ADMIN_KEY = "hk_cluster-admin-key-abcdefghij";
    static final List<String> ROOM_TYPES = List.of("STD", "DLX", "FAM", "STE");

    private @Nullable TestDatabase database;
    private @Nullable Cluster cluster;
    private String property = "";
    private String desk = "";
    private LocalDate businessDate = LocalDate.MIN;

    /** The environment of every instance of a drill: the database, the demo property, limits out of the way. */
    static Map<String, String> environment(String databaseUrl) {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOTEL_DB_URL", databaseUrl);
        environment.put("HOTEL_ADMIN_KEY", ADMIN_KEY);
        environment.put("HOTEL_DEMO", "true");
        environment.put("HOTEL_RATE_LIMIT_ADMIN_CAPACITY", "1000000");
        environment.put("HOTEL_RATE_LIMIT_FRONT_DESK_CAPACITY", "1000000");
        environment.put("HOTEL_RATE_LIMIT_FRONT_DESK_REFILL_PER_SECOND", "1000000");
        return environment;
    }

    static void assumeNginx() {
        Assumptions.assumeTrue(Cluster.nginxBinary() != null,
                "nginx is not installed (apt-get install nginx): the cluster drills are SKIPPED");
    }

    /** What the first instance makes before the others start: the demo property's path, a front-desk key, the business date. */
    record SetUp(String property, String desk, LocalDate businessDate) {
        static SetUp on(ServerProcess first) {
            String property = "/v1/properties/" + first.get("/v1/properties", ADMIN_KEY).json().path("items").get(0).path("id").asText();
            String desk = first.call("POST", "/v1/api-keys", ADMIN_KEY,
                    "{\"name\": \"desk\", \"role\": \"front_desk\", \"property_ids\": []}").json().path("key").asText();
            LocalDate businessDate = LocalDate.parse(first.get(property, ADMIN_KEY).json().path("business_date").asText());
            return new SetUp(property, desk, businessDate);
        }
    }

    @BeforeAll
    void cluster(@TempDir Path directory) throws Exception {
        assumeNginx();
        database = TestDatabase.postgres();
        SetUp[] setUp = new SetUp[1];
        cluster = Cluster.start(3, environment(database.url()), directory, first -> setUp[0] = SetUp.on(first));
        property = setUp[0].property();
        desk = setUp[0].desk();
        businessDate = setUp[0].businessDate();
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (database != null) {
            database.close();
        }
    }

    static String bookingBody(String tag, String roomType, LocalDate checkin, int nights) {
        return """
                {"guest": {"name": "Guest %s", "email": "%s@example.com"}, "room_type": "%s", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 1}"""
                .formatted(tag, tag, roomType, checkin, checkin.plusDays(nights));
    }

    static String letters() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }

    static Map<Integer, Long> statuses(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }


    /** The end of a client's booking: its final status (201, or 409 not-available), the booking, every status seen (0: no answer). */
    record Booked(String key, int status, @Nullable String id, List<Integer> seen) {}

    /**
     * What a client does: sends the booking with its idempotency key and sends it again, on the same key, after an
     * answer that is not final (no answer, 502 or 504 from nginx, 503 with Retry-After, 409 while a retry of the key
     * still runs) until it is answered 201 or 409 not-available, at most {@code attempts} times.
     */
    static Booked book(Cluster cluster, String property, String desk, String key, String body, int attempts) throws InterruptedException {
        List<Integer> seen = new ArrayList<>();
        for (int attempt = 0; attempt < attempts; attempt++) {
            ServerProcess.Response response;
            try {
                response = cluster.call("POST", property + "/bookings", desk, body, "Idempotency-Key", key);
            } catch (UncheckedIOException e) {
                seen.add(0);
                Thread.sleep(100);
                continue;
            }
            seen.add(response.status());
            if (response.status() == 201) {
                return new Booked(key, 201, response.json().path("id").asText(), seen);
            }
            if (response.status() == 409 && response.body().contains("not-available")) {
                return new Booked(key, 409, null, seen);
            }
            Thread.sleep(response.status() == 503 ? 1000L * Integer.parseInt(
                    response.raw().headers().firstValue("Retry-After").orElse("1")) : 100);
        }
        return new Booked(key, 0, null, seen);
    }

    static Map<Integer, Long> statusesOf(List<Booked> booked, boolean firstOnly) {
        return statuses(booked.stream().flatMap(b -> firstOnly ? b.seen().stream().limit(1) : b.seen().stream()).toList());
    }

    private Connection sql() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    /**
     * Drill 1: 40 clients at once, each booking a stay of 1-3 nights of the 4 nights of a window on the demo's
     * STD rooms (8 of them: 32 room-nights for about 80 asked). Counted in SQL from the bookings table: no
     * night has more STD bookings than rooms, no room is held by two bookings on a night, and the bookings
     * stored are exactly those answered 201.
     */
    @Test
    @Order(1)
    void drill_1_forty_clients_race_for_the_last_rooms_and_no_night_is_sold_twice() throws Exception {
        LocalDate first = businessDate.plusDays(200);
        int clients = 40;
        Random random = new Random(11);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int nights = 1 + random.nextInt(3);
            bodies.add(bookingBody("race" + i + letters(), "STD", first.plusDays(random.nextInt(5 - nights)), nights));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Booked> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            List<Future<Booked>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String body = bodies.get(i);
                String key = "race-" + i + "-" + letters();
                futures.add(threads.submit(() -> {
                    go.await();
                    return book(cluster, property, desk, key, body, 30);
                }));
            }
            go.countDown();
            for (Future<Booked> future : futures) {
                answers.add(future.get(5, TimeUnit.MINUTES));
            }
        }
        Set<String> created = answers.stream().filter(a -> a.status() == 201).map(Booked::id).collect(Collectors.toSet());
        System.out.printf("drill 1: %d clients at once through nginx over 3 instances: first answers %s; all answers %s; final %s%n",
                clients, statusesOf(answers, true), statusesOf(answers, false),
                statuses(answers.stream().map(Booked::status).toList()));
        assertThat(answers).as("every client ends with 201 or 409 not-available").allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 409));
        assertThat(answers).as("answers other than 201, 409, 503 (no database connection free within 500 ms) and none within 10 s")
                .allSatisfy(a -> assertThat(a.seen()).as(a.toString()).allMatch(st -> st == 0 || st == 201 || st == 409 || st == 503));
        assertThat(answers).as("some were refused: the rooms ran out").anyMatch(a -> a.status() == 409);

        String id = property.substring(property.lastIndexOf('/') + 1);
        try (Connection connection = sql()) {
            Set<String> stored = strings(connection, """
                    select id from bookings where property_id = ? and room_type = 'STD' and checkin >= ? and checkout <= ?""",
                    id, first, first.plusDays(4));
            assertThat(stored).as("the STD bookings of the window are those answered 201").isEqualTo(created);
            Map<LocalDate, Integer> sold = new TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select cast(d as date), count(*) from bookings b
                      cross join lateral generate_series(b.checkin, b.checkout - 1, interval '1 day') d
                    where b.property_id = ? and b.room_type = 'STD' and b.status in ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')
                    group by 1""")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sold.put(rows.getObject(1, LocalDate.class), rows.getInt(2));
                    }
                }
            }
            int rooms = integer(connection, """
                    select t.overbooking_limit + (select count(*) from rooms r where r.property_id = t.property_id and r.room_type = t.code)
                    from room_types t where t.property_id = ? and t.code = 'STD'""", id);
            int twice = integer(connection, """
                    select count(*) from bookings a join bookings b on a.property_id = b.property_id and a.room_number = b.room_number
                      and a.id < b.id and daterange(a.checkin, a.checkout) && daterange(b.checkin, b.checkout)
                    where a.property_id = ? and a.status in ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')
                      and b.status in ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')""", id);
            System.out.printf("drill 1: STD rooms (with overbooking) %d; sold per night %s; room-nights held twice %d%n", rooms, sold, twice);
            assertThat(sold.values()).as("STD sold per night, against %d rooms", rooms).allMatch(n -> n <= rooms);
            assertThat(sold.values()).as("the last rooms were sold").contains(rooms);
            assertThat(twice).as("room-nights held by two bookings").isZero();
        }
    }

    /**
     * Drill 2: one idempotency key, 100 requests at once through nginx, so on every instance: one booking.
     * A request while the first with its key still runs is 409; every 201 is the same booking; afterwards a
     * retry replays it; the database holds one booking for the key's guest.
     */
    @Test
    @Order(2)
    void drill_2_one_idempotency_key_sent_100_times_at_once_makes_one_booking() throws Exception {
        String tag = "once" + letters();
        String key = "drill-2-" + tag;
        String body = bookingBody(tag, "DLX", businessDate.plusDays(250), 2);
        CountDownLatch go = new CountDownLatch(1);
        List<ServerProcess.Response> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(100)) {
            List<Future<ServerProcess.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return cluster.call("POST", property + "/bookings", desk, body, "Idempotency-Key", key);
                }));
            }
            go.countDown();
            for (Future<ServerProcess.Response> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
        }
        ServerProcess.Response after = cluster.call("POST", property + "/bookings", desk, body, "Idempotency-Key", key);
        System.out.printf("drill 2: one key 100 times at once through nginx over 3 instances: statuses %s, then %d%n",
                statuses(answers.stream().map(ServerProcess.Response::status).toList()), after.status());
        assertThat(answers).as("201 (made or replayed) or 409 (the first still runs)")
                .allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(201, 409));
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        String id = after.json().path("id").asText();
        assertThat(answers.stream().filter(a -> a.status() == 201).map(a -> a.json().path("id").asText()))
                .as("every 201 is the one booking").isNotEmpty().allMatch(id::equals);
        try (Connection connection = sql()) {
            assertThat(strings(connection, """
                    select b.id from bookings b join guests g on g.id = b.guest_id where g.email = ?""", tag + "@example.com"))
                    .as("bookings of the key's guest").containsExactly(id);
        }
    }

    /**
     * Drill 3: a storm of bookings through nginx from 8 clients, each retrying a booking on its idempotency key
     * until it is answered 201 or 409; {@code kill -9} of one instance in the middle of it. Every booking
     * answered 201 is in the database, none twice, and the database holds no booking that was not answered.
     */
    @Test
    @Order(3)
    void drill_3_kill_9_of_an_instance_during_a_booking_storm_loses_no_201_and_makes_none_twice() throws Exception {
        int clients = 8;
        String prefix = "storm" + letters().substring(0, 4);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        Map<String, String> bookingByKey = new ConcurrentHashMap<>();
        Map<String, Integer> finalStatus = new ConcurrentHashMap<>();
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger retried = new AtomicInteger();
        List<String> unresolved = java.util.Collections.synchronizedList(new ArrayList<>());
        ServerProcess victim = cluster.instances().get(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> load = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                load.add(threads.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String key = prefix + "-" + client + "-" + n;
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        String body = bookingBody(key, ROOM_TYPES.get(random.nextInt(4)), businessDate.plusDays(1 + random.nextInt(150)), 1);
                        Booked booked = book(cluster, property, desk, key, body, 50);
                        seen.addAll(booked.seen());
                        retried.addAndGet(booked.seen().size() - 1);
                        Integer status = booked.status() == 0 ? null : booked.status();
                        if (booked.status() == 201) {
                            String before = bookingByKey.putIfAbsent(key, booked.id());
                            assertThat(before).as("key %s answered two bookings", key).isIn(null, booked.id());
                        }
                        if (status == null) {
                            unresolved.add(key);
                        } else {
                            finalStatus.put(key, status);
                            answered.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (answered.get() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            int beforeKill = answered.get();
            victim.kill();
            long killedAt = System.nanoTime();
            while ((answered.get() < beforeKill + 100 || System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(5))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            stop.set(true);
            for (Future<?> done : load) {
                done.get(2, TimeUnit.MINUTES);
            }
            System.out.printf("drill 3: %d clients, kill -9 of instance 2 after %d bookings answered; %d answered in all "
                            + "(%d booked), %d retries; statuses seen %s (0: no answer)%n", clients, beforeKill, answered.get(),
                    bookingByKey.size(), retried.get(), statuses(List.copyOf(seen)));
        }
        assertThat(unresolved).as("keys never answered 201 or 409 within 50 tries").isEmpty();
        assertThat(seen).as("answers other than 201, 409, 503 and the killed instance's 502/504 or none")
                .allMatch(s -> s == 0 || s == 201 || s == 409 || s == 502 || s == 503 || s == 504);
        try (Connection connection = sql()) {
            Set<String> stored = strings(connection, """
                    select b.id from bookings b join guests g on g.id = b.guest_id where g.email like ?""", prefix + "-%");
            int rows = integer(connection, """
                    select count(*) from bookings b join guests g on g.id = b.guest_id where g.email like ?""", prefix + "-%");
            assertThat(rows).as("bookings stored, none twice").isEqualTo(stored.size());
            assertThat(stored).as("the bookings stored are those answered 201").isEqualTo(new HashSet<>(bookingByKey.values()));
        }
    }

    static Set<String> strings(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            Set<String> values = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    static int integer(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
