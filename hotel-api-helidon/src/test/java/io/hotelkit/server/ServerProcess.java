package io.hotelkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The packaged server, {@code target/hotel-api-helidon.jar} with its {@code libs/}, run as a child process
 * the way an operator runs it: for the tests that kill it, or watch it refuse to start. Failsafe runs them
 * after {@code package}; the jar's path comes from the system property {@code hotel.server.jar}. The child
 * gets this process's environment without its {@code HOTEL_*} variables, plus the given ones, and runs in
 * {@code directory} (so no {@code application.yaml} or {@code ./data} of the build is found).
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("hotelkit: listening on http://localhost:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final StringBuffer output;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private ServerProcess(Process process, StringBuffer output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** What a child that ended printed, and its exit status. */
    record Ended(int status, String output) {}

    /** A response, its body parsed when it is JSON. */
    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("hotel.server.jar", "target/hotel-api-helidon.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged server at " + jar.toAbsolutePath()
                    + ": run this test through failsafe (mvn verify), which runs after package");
        }
        return jar;
    }

    private static Process launch(Map<String, String> environment, Path directory) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a quick start over peak speed: these tests start the server many times on a busy machine
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m", "-jar", jar().toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTEL_"));
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    private static CompletableFuture<Integer> drain(Process process, StringBuffer output) {
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("server-output").start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        listening.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
            listening.completeExceptionally(new IllegalStateException("the server ended before it listened"));
        });
        return listening;
    }

    /**
     * Starts the server and waits until it says it listens.
     *
     * @throws AssertionError with what it printed, if it ends first or takes longer than {@code timeout}
     */
    static ServerProcess start(Map<String, String> environment, Path directory, Duration timeout) {
        Process process = launch(environment, directory);
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> listening = drain(process, output);
        try {
            return new ServerProcess(process, output, listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the server did not start within " + timeout + ":\n" + output, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs the server until it ends by itself; kills it after {@code timeout}. */
    static Ended runToEnd(Map<String, String> environment, Path directory, Duration timeout) throws InterruptedException {
        Process process = launch(environment, directory);
        StringBuffer output = new StringBuffer();
        drain(process, output);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the server did not end within " + timeout + ":\n" + output);
        }
        Thread.sleep(100); // the rest of its output
        return new Ended(process.exitValue(), output.toString());
    }

    int port() {
        return port;
    }

    String output() {
        return output.toString();
    }

    /** Whether the process still runs. */
    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL on Linux: the process ends at once, with no shutdown hook and nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** @param headers name, value, name, value... */
    Response call(String method, String path, @Nullable String key, @Nullable String json, String... headers) {
        return call(http, port, method, path, key, json, headers);
    }

    /** A request to whatever listens on {@code port} of loopback (an instance, or nginx in front of several). */
    static Response call(HttpClient http, int port, String method, String path, @Nullable String key, @Nullable String json,
                         String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Response get(String path, String key) {
        return call("GET", path, key, null);
    }

    /** Asks it to stop (SIGTERM), as an operator would; kills it if it has not ended within 20 seconds. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
