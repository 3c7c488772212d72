package io.hotelkit.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on loopback, written on a bare socket so that it can misbehave as real ones do: each
 * request it reads is answered as the next scripted {@link Behaviour} says (then as it is told), and
 * recorded with the behaviour it got. Closing it ends every answer it holds back.
 */
final class WebhookReceiver implements AutoCloseable {

    enum Behaviour {
        /** 200 with a short JSON body. */
        OK,
        /** 500 with a body. */
        FAIL,
        /** Reads the request and never answers (until closed): the sender's time limit ends it. */
        HANG,
        /** Answers 200 after {@link #SLOW_FOR}, within the sender's time limit. */
        SLOW,
        /** Reads the request and closes the connection without a word. */
        CLOSE,
        /** Writes two answers to the one request, 200 and then 500. */
        TWICE
    }

    static final Duration SLOW_FOR = Duration.ofMillis(300);

    /** A request as it arrived, and how it was answered. */
    record Received(Map<String, String> headers, byte[] body, Behaviour behaviour, Instant arrivedAt) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Behaviour> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private final Clock clock;
    private final Behaviour otherwise;

    /** Answers as scripted, then {@code otherwise}; stamps each request with {@code clock}'s time. */
    WebhookReceiver(Clock clock, Behaviour otherwise) throws IOException {
        this.clock = clock;
        this.otherwise = otherwise;
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.submit(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks";
    }

    /** The next requests get these behaviours, in order. */
    void script(Behaviour... behaviours) {
        script.addAll(List.of(behaviours));
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                threads.submit(() -> serve(connection));
            } catch (IOException closing) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                Map<String, String> headers = readHead(in);
                if (headers == null) {
                    return;
                }
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                Behaviour behaviour = script.isEmpty() ? otherwise : script.poll();
                synchronized (this) {
                    received.add(new Received(headers, body, behaviour, clock.instant()));
                }
                switch (behaviour) {
                    case OK -> out.write(answer(200, "{\"ok\":true}"));
                    case FAIL -> out.write(answer(500, "{\"error\":\"boom\"}"));
                    case HANG -> {
                        closed.await(10, TimeUnit.SECONDS);
                        return;
                    }
                    case SLOW -> {
                        if (closed.await(SLOW_FOR.toMillis(), TimeUnit.MILLISECONDS)) {
                            return;
                        }
                        out.write(answer(200, "{\"ok\":\"slowly\"}"));
                    }
                    case CLOSE -> {
                        return;
                    }
                    case TWICE -> {
                        out.write(answer(200, "{\"ok\":1}"));
                        out.write(answer(500, "{\"ok\":2}"));
                    }
                }
                out.flush();
            }
        } catch (IOException | InterruptedException | RuntimeException gone) {
            // the sender went away
        }
    }

    private static byte[] answer(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ("HTTP/1.1 " + status + (status == 200 ? " OK" : " Internal Server Error") + "\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** The request's header fields in lower case, or null at the end of the connection. */
    private static Map<String, String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1
                    : b == '\r' ? 1 : 0;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return headers;
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        threads.shutdownNow();
    }
}
