package com.renovation.media.orders;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user's webhook receiver, on a real local port: each path answers its first {@code failures} requests with
 * 500, then 200 (a negative count: always 500), and records every request it got.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            int n = seen.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int failFirst = failures.getOrDefault(path, 0);
            int status = failFirst < 0 || n <= failFirst ? 500 : 200;
            byte[] answer = (status == 200 ? "ok" : "down for maintenance").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The URL of {@code path}, which fails its first {@code failFirst} requests (negative: all). */
    String url(String path, int failFirst) {
        failures.put(path, failFirst);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received(String path) {
        return received.getOrDefault(path, List.of());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
