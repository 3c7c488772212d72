package io.hotelkit.server;

import io.hotelkit.Hotel;
import io.hotelkit.availability.AvailabilityQuery;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The three ways the server answers an availability search, for {@code SharedAnswerBenchmark} (the server's
 * classes are package-private; this sits in their package in the benchmarks' jar): rendered here from the
 * engine, kept in this process, and kept in a Redis that instances share. Starts a {@code redis-server} of
 * its own on a free loopback port, with nothing kept on disk, and stops it on {@link #close()}.
 */
public final class AnswerPaths implements AutoCloseable {

    private final Hotel hotel;
    private final Process redisServer;
    private final SharedRedis redis;
    private final SharedOffers shared;
    private final RenderedOffers kept = new RenderedOffers(100_000);

    public AnswerPaths(Hotel hotel) {
        this.hotel = hotel;
        int port = freePort();
        this.redisServer = startRedis(port);
        this.redis = SharedRedis.connect(URI.create("redis://127.0.0.1:" + port));
        this.shared = new SharedOffers(redis, hotel, outcome -> {});
    }

    /** A local miss: the engine's offers (not cached) rendered as JSON. */
    public byte[] render(AvailabilityQuery query) {
        return Json.bytes(AvailabilityResource.AvailabilityView.of(hotel.engine().search(query)));
    }

    /** The bytes kept in this process, as a search that finds them there gets them. */
    public byte[] kept(AvailabilityQuery query) {
        return kept.get(query, hotel.engine().version(query.propertyId()), () -> render(query));
    }

    /** The bytes shared through Redis, as a search that misses this process's and finds Redis's gets them. */
    public byte[] shared(AvailabilityQuery query) {
        return shared.get(query, hotel.engine().version(query.propertyId()), () -> render(query));
    }

    /** How many searches of {@link #shared} found Redis's answer, and how many rendered one. */
    public long sharedHits() {
        return shared.count(SharedOffers.Outcome.HIT);
    }

    public long sharedMisses() {
        return shared.count(SharedOffers.Outcome.MISS) + shared.count(SharedOffers.Outcome.UNSETTLED)
                + shared.count(SharedOffers.Outcome.UNAVAILABLE);
    }

    @Override
    public void close() throws InterruptedException {
        redis.close();
        redisServer.destroyForcibly();
        redisServer.waitFor(10, TimeUnit.SECONDS);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static Process startRedis(int port) {
        try {
            Process started = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return started;
                } catch (IOException notYet) {
                    if (!started.isAlive() || System.nanoTime() > deadline) {
                        started.destroyForcibly();
                        throw new IllegalStateException("redis-server did not start on port " + port);
                    }
                    Thread.sleep(20);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (apt-get install redis-server)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting redis-server", e);
        }
    }
}
