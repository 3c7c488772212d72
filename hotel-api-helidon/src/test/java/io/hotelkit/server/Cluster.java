package io.hotelkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Several instances of the packaged server ({@link ServerProcess}) on one database, behind an nginx run from
 * the repository's {@code deploy/nginx.conf.template} (the file {@code deploy/cluster} runs), unprivileged, on
 * free loopback ports, with its pid file and logs in the test's directory. The first instance starts alone
 * (it migrates the database and stores the admin key), then the others together, as {@code deploy/cluster}
 * does.
 */
final class Cluster implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(120);

    private final List<ServerProcess> instances;
    private final Process nginx;
    private final int port;
    private final Path directory;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Cluster(List<ServerProcess> instances, Process nginx, int port, Path directory) {
        this.instances = instances;
        this.nginx = nginx;
        this.port = port;
        this.directory = directory;
    }

    /** nginx's binary, or {@code null} where it is not installed. */
    static @Nullable Path nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    static Path template() {
        Path template = Path.of(System.getProperty("hotel.deploy.dir", "../deploy")).resolve("nginx.conf.template");
        if (!Files.isRegularFile(template)) {
            throw new IllegalStateException("no nginx template at " + template.toAbsolutePath());
        }
        return template;
    }

    static int freePort() {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code count} instances with {@code environment} (plus a free port each, on 127.0.0.1), calling
     * {@code afterFirst} when the first one listens and before the others start, then nginx over them.
     */
    static Cluster start(int count, Map<String, String> environment, Path directory, Consumer<ServerProcess> afterFirst)
            throws Exception {
        List<ServerProcess> instances = new ArrayList<>();
        ExecutorService starting = Executors.newCachedThreadPool();
        try {
            instances.add(instance(environment, directory, 1));
            afterFirst.accept(instances.getFirst());
            List<Future<ServerProcess>> others = new ArrayList<>();
            for (int i = 2; i <= count; i++) {
                int number = i;
                others.add(starting.submit(() -> instance(environment, directory, number)));
            }
            List<Throwable> failed = new ArrayList<>();
            for (Future<ServerProcess> other : others) {
                try {
                    instances.add(other.get(START.toSeconds() + 30, TimeUnit.SECONDS));
                } catch (Exception e) {
                    failed.add(e);
                }
            }
            if (!failed.isEmpty()) {
                throw new AssertionError("an instance did not start: " + failed);
            }
            int port = freePort();
            Process nginx = nginx(instances, port, directory);
            Cluster cluster = new Cluster(instances, nginx, port, directory);
            cluster.awaitProxy();
            return cluster;
        } catch (Exception | AssertionError e) {
            for (ServerProcess instance : instances) {
                instance.kill();
            }
            throw e;
        } finally {
            starting.shutdownNow();
        }
    }

    private static ServerProcess instance(Map<String, String> environment, Path directory, int number) throws IOException {
        Path home = Files.createDirectories(directory.resolve("instance-" + number));
        Map<String, String> settings = new java.util.HashMap<>(environment);
        settings.put("HOTEL_HTTP_HOST", "127.0.0.1");
        settings.put("HOTEL_HTTP_PORT", "0");
        return ServerProcess.start(settings, home, START);
    }

    /** nginx from the deploy/ template, in the foreground as a child of this process. */
    private static Process nginx(List<ServerProcess> instances, int port, Path directory) throws IOException {
        Path binary = nginxBinary();
        if (binary == null) {
            throw new IllegalStateException("nginx is not installed");
        }
        Path run = Files.createDirectories(directory.resolve("nginx"));
        Files.createDirectories(run.resolve("nginx-temp"));
        String servers = instances.stream()
                .map(instance -> "        server 127.0.0.1:" + instance.port() + " max_fails=1 fail_timeout=2s;")
                .collect(Collectors.joining("\n"));
        String configuration = Files.readString(template(), StandardCharsets.UTF_8)
                .replace("@RUN_DIR@", run.toAbsolutePath().toString())
                .replace("@LISTEN_HOST@", "127.0.0.1")
                .replace("@LISTEN_PORT@", Integer.toString(port))
                .replace("@UPSTREAM_SERVERS@", servers)
                .replace("@ACCESS_LOG@", "off");
        Path file = run.resolve("nginx.conf");
        Files.writeString(file, configuration, StandardCharsets.UTF_8);
        String errors = run.resolve("nginx-error.log").toAbsolutePath().toString();
        return new ProcessBuilder(binary.toString(), "-c", file.toAbsolutePath().toString(), "-e", errors, "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(run.resolve("nginx-output.log").toFile())
                .start();
    }

    private void awaitProxy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx ended: " + nginxLog());
            }
            try {
                if (call("GET", "/health/ready", null, null).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nginx did not answer within 10 s: " + nginxLog());
    }

    String nginxLog() {
        try {
            Path log = directory.resolve("nginx").resolve("nginx-error.log");
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A request through nginx. */
    ServerProcess.Response call(String method, String path, @Nullable String key, @Nullable String json, String... headers) {
        return ServerProcess.call(http, port, method, path, key, json, headers);
    }

    List<ServerProcess> instances() {
        return instances;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        nginx.destroy();
        if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
            nginx.destroyForcibly().waitFor();
        }
        for (ServerProcess instance : instances) {
            instance.close();
        }
    }
}
