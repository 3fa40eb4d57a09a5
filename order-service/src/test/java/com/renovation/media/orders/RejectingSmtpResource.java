package com.renovation.media.orders;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on a local port that refuses every recipient for good (550 5.1.1), as a receiving domain
 * does for a mailbox that does not exist. It speaks just enough SMTP for a client to get that far.
 */
public class RejectingSmtpResource implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger RECIPIENTS_REFUSED = new AtomicInteger();
    private ServerSocket server;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::acceptAll, "rejecting-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port",
                Integer.toString(server.getLocalPort()));
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException closedOrDropped) {
                // the next client, or the end of the test
            }
        }
    }

    private static void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 rejecting.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO" -> reply(out, "250-rejecting.test\r\n250 8BITMIME");
                case "RCPT" -> {
                    RECIPIENTS_REFUSED.incrementAndGet();
                    reply(out, "550 5.1.1 no such mailbox here");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
