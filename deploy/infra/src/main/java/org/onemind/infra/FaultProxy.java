package org.onemind.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a real server that injects network faults: latency on every chunk the
 * server sends, or a hang. A hung connection stays open and silent, as a stuck server's does, which
 * a client notices only through its own timeouts. {@link #hangConnectionsCarrying} hangs only the
 * connections whose client sent a given text (an SMTP recipient, say), so one slow conversation can
 * be told apart from the others.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean hangAll;
    private volatile String hangMarker;
    private final Object resumed = new Object();

    private FaultProxy(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public static FaultProxy start(String targetHost, int targetPort) {
        try {
            FaultProxy proxy =
                    new FaultProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetHost, targetPort);
            Thread acceptor = new Thread(proxy::accept, "fault-proxy-" + proxy.port());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("fault proxy did not start", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Forwards everything as it comes again. Connections that hung are dropped, as a stuck server's
     * are when it is restarted: what they held is never delivered late.
     */
    public void pass() {
        latency = Duration.ZERO;
        synchronized (resumed) {
            for (Connection connection : connections) {
                if (connection.held) {
                    connection.close();
                }
            }
            hangAll = false;
            hangMarker = null;
            resumed.notifyAll();
        }
    }

    /** Holds every chunk the server sends for {@code delay} before the client gets it. */
    public void slow(Duration delay) {
        latency = delay;
    }

    /** Every connection, open or new, goes silent until {@link #pass()}. */
    public void hang() {
        hangAll = true;
    }

    /** A connection whose client sends {@code marker} goes silent until {@link #pass()}; the others flow. */
    public void hangConnectionsCarrying(String marker) {
        hangMarker = marker;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server;
                try {
                    server = new Socket(targetHost, targetPort);
                } catch (IOException refused) {
                    client.close(); // the server is down: the client sees its connection closed at once
                    continue;
                }
                Connection connection = new Connection(client, server);
                connections.add(connection);
                pump(server.getInputStream(), client.getOutputStream(), connection, true);
                pump(client.getInputStream(), server.getOutputStream(), connection, false);
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private static final class Connection {
        final Socket client;
        final Socket server;
        volatile boolean hung;
        volatile boolean held;
        final StringBuilder clientText = new StringBuilder();

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void pump(InputStream in, OutputStream out, Connection connection, boolean fromServer) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            if (!fromServer && hangMarker != null) {
                                synchronized (connection.clientText) {
                                    connection.clientText.append(
                                            new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                                    if (connection.clientText.indexOf(hangMarker) >= 0) {
                                        connection.hung = true;
                                    }
                                }
                            }
                            holdWhileHung(connection);
                            if (fromServer && !latency.isZero()) {
                                Thread.sleep(latency.toMillis()); // the injected latency itself
                            }
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException closed) {
                        // either side went away; the other notices on its next read or write
                    } finally {
                        try {
                            out.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                },
                "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void holdWhileHung(Connection connection) throws InterruptedException {
        synchronized (resumed) {
            while (hangAll || (connection.hung && hangMarker != null)) {
                connection.held = true;
                resumed.wait(1000);
            }
        }
        if (connection.held) {
            throw new InterruptedException("dropped after a hang");
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(Connection::close);
    }
}
