package com.renovation.media.localstack;

import com.renovation.media.localtokens.LocalTokens;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.contracts.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Drives the launcher as ./platform does, as separate processes, on free ports and a home of its own. */
class LauncherIT {

    @TempDir
    Path home;

    private final List<Process> launched = new ArrayList<>();
    private PlatformSettings settings;
    private Map<String, String> env;

    private ProcessBuilder launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder;
    }

    private int run(String... args) throws Exception {
        Process process = launcher(args).redirectOutput(home.resolve("cli.out").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private Process up(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("up"));
        args.addAll(List.of(options));
        Process process = launcher(args.toArray(String[]::new)).redirectOutput(ProcessBuilder.Redirect.appendTo(
                home.resolve("up.out").toFile())).start();
        launched.add(process);
        Ports.await("platform", Duration.ofSeconds(120), () -> {
            try {
                return run("status") == 0;
            } catch (Exception e) {
                return false;
            }
        });
        return process;
    }

    @AfterEach
    void stopEverything() throws Exception {
        run("down");
        launched.forEach(Process::destroyForcibly);
    }

    @Test
    void upStatusDownThenASecondUpFindsTheEarlierData() throws Exception {
        settings = PlatformSettings.isolated(home.resolve("platform"));
        env = new HashMap<>(Map.of(
                "PLATFORM_ROOT", settings.root().toString(),
                "PLATFORM_HOME", settings.home().toString(),
                "PG_PORT", Integer.toString(settings.pgPort()),
                "KAFKA_PORT", Integer.toString(settings.kafkaPort()),
                "KAFKA_CONTROLLER_PORT", Integer.toString(settings.kafkaControllerPort()),
                "S3_PORT", Integer.toString(settings.s3Port()),
                "SMTP_PORT", Integer.toString(settings.smtpPort()),
                "SMTP_API_PORT", Integer.toString(settings.smtpApiPort()),
                "PROVIDER_PORT", Integer.toString(settings.providerPort()),
                "PLATFORM_SERVICES", "none"));
        env.put("PROMETHEUS_PORT", Integer.toString(settings.prometheusPort()));
        assertThat(run("status")).as("status before up").isEqualTo(1);

        Process first = up();
        assertThat(run("status")).isZero();
        assertThat(Files.readString(home.resolve("cli.out"))).containsPattern("(?m)^smtp +UP +smtp://127.0.0.1:"
                + settings.smtpPort()).doesNotContain("prometheus");
        assertThat(Ports.isOpen(settings.prometheusPort())).as("Prometheus only with --observability").isFalse();
        assertThat(Files.readString(home.resolve("up.out"))).contains("mails:  " + settings.mailUrl());
        // the registry's event and dead-letter topics exist before any service runs, each with the retention
        try (Admin admin = new KafkaEngine(settings).admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(Topics.ALL)
                    .containsAll(Topics.DEAD_LETTERS);
            ConfigResource deadLetter = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEAD_LETTERS.get(0));
            assertThat(admin.describeConfigs(List.of(deadLetter)).all().get(30, TimeUnit.SECONDS).get(deadLetter)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(Long.toString(KafkaEngine.RETENTION.toMillis()));
        }
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v TEXT)");
            s.execute("INSERT INTO kept VALUES ('from the first run')");
        }
        try (S3Client s3 = new S3Engine(settings).client()) {
            s3.putObject(b -> b.bucket("user-uploads").key("kept.txt"), RequestBody.fromString("uploaded before"));
        }
        // the S3 server logs warnings, not a DEBUG line per request (gigabytes, and its CPU, under load)
        assertThat(Files.readAllLines(settings.logDir().resolve("s3.log")))
                .noneMatch(line -> line.contains(" DEBUG ") || line.contains(" TRACE "));
        // a crashed engine is restarted by the running launcher
        ProcessHandle crashed = ManagedProcess.fromPidFile(settings.runDir().resolve("s3.pid")).orElseThrow();
        new ProcessBuilder("kill", "-9", Long.toString(crashed.pid())).start().waitFor();
        Ports.await("S3 restarted", Duration.ofSeconds(60), () -> ManagedProcess.fromPidFile(
                settings.runDir().resolve("s3.pid")).filter(h -> h.pid() != crashed.pid()).isPresent());
        Ports.await("platform healthy again", Duration.ofSeconds(60), () -> {
            try {
                return run("status") == 0;
            } catch (Exception e) {
                return false;
            }
        });
        try (S3Client s3Client = new S3Engine(settings).client()) {
            assertThat(s3Client.getObjectAsBytes(b -> b.bucket("user-uploads").key("kept.txt")).asUtf8String())
                    .isEqualTo("uploaded before");
        }

        List<ProcessHandle> children = first.toHandle().descendants().toList();
        assertThat(children).isNotEmpty();

        // PostgreSQL goes last: services and Kafka still working on events must never find the database gone
        CompletableFuture<Integer> down = CompletableFuture.supplyAsync(() -> {
            try {
                return run("down");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Ports.await("Kafka stopped", Duration.ofSeconds(90), () -> !Ports.isOpen(settings.kafkaPort()));
        assertThat(Ports.isOpen(settings.pgPort())).as("PostgreSQL still up when Kafka has stopped").isTrue();
        assertThat(down.get(120, TimeUnit.SECONDS)).isZero();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("launcher exits on down").isTrue();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(ManagedProcess.fromPidFile(new PostgresEngine(settings).postmasterPidFile())).isEmpty();
        for (int port : new int[] {settings.pgPort(), settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.s3Port(), settings.smtpPort(), settings.smtpApiPort(), settings.providerPort()}) {
            assertThat(Ports.isOpen(port)).as("port %d closed after down", port).isFalse();
        }
        assertThat(run("status")).isEqualTo(1);

        up("--observability");
        assertThat(run("status")).isZero();
        assertThat(Files.readString(home.resolve("cli.out"))).containsPattern("(?m)^prometheus +UP +"
                + settings.prometheusUrl() + "/");
        assertThat(Files.readString(home.resolve("up.out"))).contains("metrics: " + settings.prometheusUrl() + "/");
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("from the first run");
        }
        try (S3Client s3 = new S3Engine(settings).client()) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("user-uploads").key("kept.txt")).asUtf8String())
                    .isEqualTo("uploaded before");
        }
        assertThat(Files.readString(home.resolve("up.out"))).contains("platform ready in");
        assertThat(run("down")).isZero();
        assertThat(Ports.isOpen(settings.prometheusPort())).as("Prometheus stopped by down").isFalse();
    }

    @Test
    void observabilityWithoutPrometheusInstalledNamesItsPackage() throws Exception {
        settings = PlatformSettings.isolated(home.resolve("platform"));
        // a PATH without prometheus on it
        env = Map.of("PLATFORM_HOME", settings.home().toString(), "PLATFORM_SERVICES", "none",
                "PATH", home.toString());
        assertThat(run("up", "--observability")).isEqualTo(2);
        assertThat(Files.readString(home.resolve("cli.out"))).contains("apt-get install -y prometheus");
        assertThat(ManagedProcess.fromPidFile(settings.runDir().resolve("launcher.pid"))).isEmpty();
    }

    @Test
    void tokenIsASignedJwtForTheUser() throws Exception {
        settings = PlatformSettings.isolated(home.resolve("platform"));
        env = Map.of("PLATFORM_HOME", settings.home().toString(), "PLATFORM_SERVICES", "none");
        assertThat(run("token", "alice", "--admin")).isZero();
        String token = Files.readString(home.resolve("cli.out")).strip();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims).contains("\"sub\":\"alice\"", LocalTokens.ISSUER, "\"aud\":\"" + LocalTokens.AUDIENCE + "\"",
                "\"media_roles\":[\"user\",\"admin\"]");
        assertThat(Files.exists(settings.home().resolve("jwt/public.pem"))).isTrue();
        // order-service keeps the caller's address and name from these (its mails go there)
        assertThat(claims).contains("\"email\":\"alice@example.test\"", "\"name\":\"alice\"");
        assertThat(run("token")).isEqualTo(2);

        assertThat(run("token", "bob", "--email", "bob@mail.example", "--plan", "pro")).isZero();
        assertThat(claimsOf(Files.readString(home.resolve("cli.out")))).contains("\"sub\":\"bob\"",
                "\"email\":\"bob@mail.example\"", "\"name\":\"bob\"", "\"plan\":\"pro\"",
                "\"media_roles\":[\"user\"]");
        assertThat(run("token", "carol@mail.example")).isZero();
        assertThat(claimsOf(Files.readString(home.resolve("cli.out")))).contains("\"sub\":\"carol@mail.example\"",
                "\"email\":\"carol@mail.example\"", "\"name\":\"carol\"");
        assertThat(run("token", "bob", "--email", "not-an-address")).isEqualTo(2);
        assertThat(run("token", "bob", "--email")).isEqualTo(2);
    }

    @Test
    void payRefusesWhatIsNotAnOrderIdAndSaysWhenOrderServiceIsNotThere() throws Exception {
        settings = PlatformSettings.isolated(home.resolve("platform"));
        env = Map.of("PLATFORM_HOME", settings.home().toString(), "PLATFORM_SERVICES", "none",
                "ORDER_SERVICE_PORT", Integer.toString(PlatformSettings.freePort()));
        assertThat(run("pay")).isEqualTo(2);
        assertThat(run("pay", "not-a-uuid")).isEqualTo(2);
        assertThat(run("pay", java.util.UUID.randomUUID().toString(), "--fail", "--refund")).isEqualTo(2);
        assertThat(run("pay", java.util.UUID.randomUUID().toString(), "--free")).isEqualTo(2);
        assertThat(run("pay", java.util.UUID.randomUUID().toString(), "--refund")).isEqualTo(1);
        assertThat(Files.readString(home.resolve("cli.out"))).contains("order-service does not answer");
    }

    private static String claimsOf(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.strip().split("\\.")[1]));
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection(settings.jdbcUrl(PlatformSettings.DATABASE), PlatformSettings.DB_USER,
                PlatformSettings.DB_PASSWORD);
    }
}
