package org.onemind.notification.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A partner's endpoint on this machine: records every message and answers the status it is told to. */
final class WebhookReceiver implements AutoCloseable {
    record Message(Map<String, List<String>> headers, String body, long receivedAtNanos) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    final List<Message> messages = new CopyOnWriteArrayList<>();
    volatile int status = 204;
    private final HttpServer server;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                messages.add(new Message(Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hooks";
    }

    List<Message> of(String type) {
        return messages.stream()
                .filter(m -> m.body().contains("\"type\":\"" + type + "\""))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
