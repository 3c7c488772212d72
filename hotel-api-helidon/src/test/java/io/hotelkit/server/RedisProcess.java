package io.hotelkit.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of the test's own on a free loopback port, with nothing kept on disk, so that a test
 * can stop and start it without touching any other Redis of the machine. A test that needs one is skipped
 * when Debian's {@code redis-server} is not installed ({@code apt-get install redis-server}).
 */
final class RedisProcess implements AutoCloseable {

    static final Path SERVER = Path.of("/usr/bin/redis-server");

    private final int port;
    private Process process;

    private RedisProcess(int port) {
        this.port = port;
        this.process = launch(port);
    }

    /** Starts one, or skips the calling test if {@code redis-server} is not installed. */
    static RedisProcess start() {
        assumeTrue(Files.isExecutable(SERVER), "redis-server is not installed (" + SERVER
                + "): the Redis tests are SKIPPED. To run them: apt-get install redis-server");
        return new RedisProcess(freePort());
    }

    URI url() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Stops it at once (its data is gone: nothing is kept on disk). */
    void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts it again on the same port, empty. */
    void restart() {
        process = launch(port);
    }

    @Override
    public void close() {
        stop();
    }

    private static Process launch(int port) {
        try {
            Process started = new ProcessBuilder(List.of(SERVER.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!answers(port)) {
                if (!started.isAlive() || System.nanoTime() > deadline) {
                    started.destroyForcibly();
                    throw new IllegalStateException("redis-server did not start on port " + port);
                }
                Thread.sleep(20);
            }
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + SERVER, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting redis-server", e);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            return "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
