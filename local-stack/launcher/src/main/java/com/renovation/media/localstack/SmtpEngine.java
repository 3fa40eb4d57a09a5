package com.renovation.media.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server that delivers nothing onwards: GreenMail standalone, run as its own JVM. It accepts any
 * sender and recipient without authentication and keeps every mail in memory (until it stops), readable on its
 * web page and JSON API, so the mails the platform sends can be looked at and no address outside ever gets one.
 */
public final class SmtpEngine extends ProcessEngine {

    static final String MAIN_CLASS = "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner";


    private final PlatformSettings settings;

    public SmtpEngine(PlatformSettings settings) {
        super(Duration.ofSeconds(10));
        this.settings = settings;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void start() throws Exception {
        Ports.requireFree("SMTP", settings.smtpPort());
        Ports.requireFree("SMTP web/API", settings.smtpApiPort());
        Path dir = settings.home().resolve("smtp");
        Files.createDirectories(dir);
        String classpath = EngineClasspath.read(settings.root(), "smtp-engine");
        ManagedProcess started = ManagedProcess.start(name(), List.of(ManagedProcess.javaExecutable(), "-Xms32m",
                "-Xmx192m",
                // loopback only, like the other engines
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + settings.smtpPort(),
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + settings.smtpApiPort(),
                // any recipient gets a mailbox on first delivery; the mailer logs in to nothing
                "-Dgreenmail.auth.disabled",
                "-cp", classpath, MAIN_CLASS), Map.of(), dir, settings);
        process = started;
        Ports.await("SMTP", Duration.ofSeconds(60), () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("SMTP server exited; see " + settings.logDir().resolve("smtp.log"));
            }
            return healthy();
        });
    }

    @Override
    public boolean healthy() {
        return Ports.answersOk(settings.smtpPort(), settings.mailUrl() + "/api/service/readiness");
    }

    @Override
    public String address() {
        return "smtp://127.0.0.1:" + settings.smtpPort() + " (no auth, relays nothing; read the mails at "
                + settings.mailUrl() + "/ or " + settings.mailUrl() + "/api/user/{email}/messages/)";
    }
}
