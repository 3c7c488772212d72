package io.hotelkit.jpa.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on the loopback address in front of a PostgreSQL test database, so that a test can take
 * the database away: {@link #close()} cuts every connection and refuses new ones.
 */
public final class LoopbackProxy implements AutoCloseable {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?(/.*)");

    private final ServerSocket server;
    private final String url;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private LoopbackProxy(ServerSocket server, String url) {
        this.server = server;
        this.url = url;
    }

    /** A proxy to {@code database}'s server; {@link #url()} reaches the database through it. */
    public static LoopbackProxy to(TestDatabase database) {
        Matcher parts = POSTGRES_URL.matcher(database.url());
        if (!parts.matches()) {
            throw new IllegalArgumentException("a proxy stands in front of PostgreSQL only, not " + database.url());
        }
        String host = parts.group(1);
        int port = parts.group(2) == null ? 5432 : Integer.parseInt(parts.group(2));
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            LoopbackProxy proxy = new LoopbackProxy(server,
                    "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + parts.group(3));
            Thread.ofPlatform().daemon().name("loopback-proxy").start(() -> proxy.accept(host, port));
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database's URL through this proxy. */
    public String url() {
        return url;
    }

    /** Cuts every connection through the proxy and stops listening, so that new ones are refused. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void accept(String host, int port) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, port);
                sockets.add(client);
                sockets.add(upstream);
                if (server.isClosed()) {
                    // closed while this connection was being made (a pool fills itself in the background):
                    // close() may have missed it, and it must not outlive the proxy
                    client.close();
                    upstream.close();
                    continue;
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // the server socket was closed, or the database refused: the client sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("loopback-proxy-pump").start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        });
    }
}
