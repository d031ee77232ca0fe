package org.onemind.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** A real SMTP server (GreenMail) that keeps every message it accepts, and can be stopped and started. */
public final class MailServer implements AutoCloseable {
    private final int port;
    private final List<MimeMessage> beforeLastStop = new java.util.concurrent.CopyOnWriteArrayList<>();
    private GreenMail greenMail;

    private MailServer(int port) {
        this.port = port;
    }

    public static MailServer start(int port) {
        MailServer server = new MailServer(port > 0 ? port : FreePorts.any());
        server.resume();
        return server;
    }

    public int port() {
        return port;
    }

    /** Every message accepted since start, across suspensions. */
    public synchronized List<MimeMessage> messages() {
        List<MimeMessage> all = new java.util.ArrayList<>(beforeLastStop);
        if (greenMail != null) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        return all;
    }

    public synchronized void clear() {
        beforeLastStop.clear();
        if (greenMail != null) {
            greenMail.reset();
        }
    }

    /** Stops accepting connections: clients see "connection refused", as with a real outage. */
    public synchronized void suspend() {
        if (greenMail != null) {
            beforeLastStop.addAll(List.of(greenMail.getReceivedMessages()));
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized void resume() {
        if (greenMail == null) {
            ServerSetup setup = new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP);
            greenMail = new GreenMail(setup);
            greenMail.start();
        }
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        suspend();
    }
}
