package com.renovation.media.localstack;

import com.renovation.media.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** A single-node Kafka broker in KRaft mode, run from the kafka_2.13 artifact as its own JVM. */
public final class KafkaEngine implements Engine {

    private final PlatformSettings settings;
    private ManagedProcess process;

    public KafkaEngine(PlatformSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void start() throws Exception {
        Ports.requireFree("Kafka", settings.kafkaPort());
        Ports.requireFree("Kafka controller", settings.kafkaControllerPort());
        Path dir = settings.home().resolve("kafka");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.createDirectories(settings.logDir());
        Path serverProperties = dir.resolve("server.properties");
        Files.writeString(serverProperties, serverProperties(data));
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, LOG4J2);
        String classpath = EngineClasspath.read(settings.root(), "kafka-engine");
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(classpath, serverProperties, dir);
        }
        ManagedProcess started = ManagedProcess.start(name(), List.of(ManagedProcess.javaExecutable(), "-Xms128m", "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.Kafka", serverProperties.toString()),
                Map.of(), dir, settings);
        process = started;
        Ports.await("Kafka", Duration.ofSeconds(90), () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("Kafka exited; see " + settings.logDir().resolve("kafka.log"));
            }
            return healthy();
        });
        createTopics();
    }

    private void format(String classpath, Path serverProperties, Path dir) throws IOException, InterruptedException {
        String clusterId = clusterId();
        Process format = new ProcessBuilder(ManagedProcess.javaExecutable(), "-cp", classpath,
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", serverProperties.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logDir().resolve("kafka.log").toFile()))
                .start();
        if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka storage failed; see " + settings.logDir());
        }
    }

    /**
     * A random cluster id in Kafka's form. Like Kafka's own {@code Uuid.randomUuid()} it never starts with '-',
     * which the storage tool's argument parser would take for an option (one start in 64 used to fail).
     */
    static String clusterId() {
        String id;
        do {
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(asBytes(java.util.UUID.randomUUID()));
        } while (id.startsWith("-"));
        return id;
    }

    private static byte[] asBytes(java.util.UUID uuid) {
        return java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    private String serverProperties(Path data) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + settings.kafkaControllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                        + settings.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=" + Topics.PARTITIONS,
                // dead-letter topics are made on first use
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    private void createTopics() throws Exception {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Topics.PARTITIONS, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return Admin.create(props);
    }

    @Override
    public boolean crashed() {
        return process != null && !process.isAlive();
    }

    @Override
    public void stop() {
        if (process != null) {
            // SIGTERM lets the broker shut down in a controlled way and flush its logs
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    @Override
    public boolean healthy() {
        if (!Ports.isOpen(settings.kafkaPort())) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public String address() {
        return settings.kafkaBootstrap() + " (KRaft, topics: " + String.join(", ", Topics.ALL) + ")";
    }

    private static final String LOG4J2 = String.join("\n",
            "status = warn",
            "appender.console.type = Console",
            "appender.console.name = STDOUT",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = WARN",
            "rootLogger.appenderRef.console.ref = STDOUT",
            "logger.server.name = kafka.server.KafkaRaftServer",
            "logger.server.level = INFO",
            "");
}
