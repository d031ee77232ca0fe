package org.onemind.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Picks ports that nothing listens on right now; callers retry on a bind failure (the machine is shared).
 * Ports come from below the usual ephemeral ranges (Linux 32768-60999, macOS and Windows 49152-65535):
 * a port the system hands out for an outgoing connection or a {@code bind(0)} (Narayana's transaction
 * status listener in every service takes one) can then never be the one we chose for a server and
 * started it on a moment later. Seen: a service's port taken by another service's listener, so that
 * the service could not start.
 */
public final class FreePorts {
    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;

    private FreePorts() {}

    public static int any() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(FIRST, LAST);
            if (isFree(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The preferred port when it is free, otherwise any free port. */
    public static int preferred(int port) {
        if (port > 0 && isFree(port)) {
            return port;
        }
        return any();
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
