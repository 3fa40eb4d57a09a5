package com.renovation.media.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP engine is a real server: a mail spoken to it over a socket can be read back from its API. */
class SmtpEngineIT {

    @TempDir
    Path home;

    private SmtpEngine smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void acceptsAMailOverSmtpAndShowsItOnItsApiThenStopsAndIsRestartedAfterACrash() throws Exception {
        PlatformSettings settings = PlatformSettings.isolated(home);
        smtp = new SmtpEngine(settings);
        smtp.start();
        assertThat(smtp.healthy()).isTrue();

        try (Socket socket = new Socket("127.0.0.1", settings.smtpPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            expect(in, "220");
            send(out, "EHLO launcher-test");
            // a multi-line answer: 250-... then 250 ...
            String line;
            do {
                line = in.readLine();
                assertThat(line).startsWith("250");
            } while (line.charAt(3) == '-');
            send(out, "MAIL FROM:<media-platform@localhost>");
            expect(in, "250");
            send(out, "RCPT TO:<alice@example.test>");
            expect(in, "250");
            send(out, "DATA");
            expect(in, "354");
            send(out, "From: media-platform@localhost\r\nTo: alice@example.test\r\nSubject: Order paid\r\n"
                    + "Message-ID: <launcher-test@media-platform>\r\n\r\nYour order is paid.\r\n.");
            expect(in, "250");
            send(out, "QUIT");
            expect(in, "221");
        }

        HttpResponse<String> messages = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(settings.mailUrl() + "/api/user/alice@example.test/messages/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(messages.statusCode()).isEqualTo(200);
        assertThat(messages.body()).contains("Order paid", "<launcher-test@media-platform>", "Your order is paid.");
        assertThat(smtp.address()).contains(Integer.toString(settings.smtpPort()), settings.mailUrl());

        // it is a child process the launcher's restart loop can see die
        ProcessHandle server = ManagedProcess.fromPidFile(settings.runDir().resolve("smtp.pid")).orElseThrow();
        server.destroyForcibly();
        server.onExit().join();
        assertThat(smtp.crashed()).isTrue();
        assertThat(smtp.healthy()).isFalse();
        smtp.stop();
        smtp.start();
        assertThat(smtp.healthy()).isTrue();
        smtp.stop();
        assertThat(Ports.isOpen(settings.smtpPort())).isFalse();
        assertThat(Ports.isOpen(settings.smtpApiPort())).isFalse();
    }

    private static void send(Writer out, String command) throws Exception {
        out.write(command + "\r\n");
        out.flush();
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        assertThat(in.readLine()).startsWith(code);
    }
}
