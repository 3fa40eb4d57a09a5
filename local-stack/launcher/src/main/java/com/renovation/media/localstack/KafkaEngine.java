package com.renovation.media.localstack;

import com.renovation.media.contracts.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A single-node Kafka broker in KRaft mode, run from the kafka_2.13 artifact as its own JVM. Its client listener
 * is PLAINTEXT, or SASL_PLAINTEXT with the PLAIN mechanism when it is given users (tests of client security).
 */
public final class KafkaEngine extends ProcessEngine {

    /**
     * How long events stay on a topic (they carry owner data: session ids, object keys, file names). Segments roll
     * daily, so a record is gone at most one day after its retention.
     */
    public static final Duration RETENTION = Duration.ofDays(7);
    public static final Duration SEGMENT = Duration.ofDays(1);

    private static final String BROKER_USER = "broker";

    private final PlatformSettings settings;
    /** user -> password on the SASL listener; empty: a PLAINTEXT listener. */
    private final Map<String, String> saslUsers;

    public KafkaEngine(PlatformSettings settings) {
        this(settings, Map.of());
    }

    private KafkaEngine(PlatformSettings settings, Map<String, String> saslUsers) {
        super(Duration.ofSeconds(30));
        this.settings = settings;
        this.saslUsers = saslUsers;
    }

    /** A broker whose client listener accepts only these SASL/PLAIN users (user -> password). */
    public static KafkaEngine withSaslPlainUsers(PlatformSettings settings, Map<String, String> users) {
        Map<String, String> all = new LinkedHashMap<>(users);
        all.put(BROKER_USER, UUID.randomUUID().toString());
        return new KafkaEngine(settings, Map.copyOf(all));
    }

    /** The JAAS line a client of a SASL/PLAIN listener gives as {@code sasl.jaas.config}. */
    public static String plainJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
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
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xms128m", "-Xmx512m"));
        command.addAll(AotCache.engineOptions(settings.home().resolve("aot"), name(), classpath));
        // the JDK warns of classes it could not cache (Kafka's proxies, JFR events): harmless, not for the log
        command.add("-Xlog:aot*=error");
        command.addAll(List.of("-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.Kafka",
                serverProperties.toString()));
        ManagedProcess started = ManagedProcess.start(name(), command, Map.of(), dir, settings);
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
        String listener = saslUsers.isEmpty() ? "PLAINTEXT" : "SASL_PLAINTEXT";
        List<String> security = new ArrayList<>();
        if (!saslUsers.isEmpty()) {
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"" + BROKER_USER + "\" password=\"" + saslUsers.get(BROKER_USER) + "\"");
            saslUsers.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password)
                    .append('"'));
            security.addAll(List.of("sasl.enabled.mechanisms=PLAIN", "sasl.mechanism.inter.broker.protocol=PLAIN",
                    "listener.name.sasl_plaintext.plain.sasl.jaas.config=" + jaas + ";"));
        }
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + settings.kafkaControllerPort(),
                "listeners=" + listener + "://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                        + settings.kafkaControllerPort(),
                "advertised.listeners=" + listener + "://127.0.0.1:" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT," + listener + ":" + listener,
                "inter.broker.listener.name=" + listener,
                String.join("\n", security),
                "log.dirs=" + data,
                "num.partitions=" + Topics.PARTITIONS,
                // the registry's topics are created below; tests' own topics are made on first use
                "auto.create.topics.enable=true",
                "log.retention.ms=" + RETENTION.toMillis(),
                "log.roll.ms=" + SEGMENT.toMillis(),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    /**
     * Creates the registry's missing event and dead-letter topics; gives existing ones (data kept from an earlier
     * run) today's retention.
     */
    private void createTopics() throws Exception {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> retained = new HashMap<>();
            for (String topic : registryTopics()) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Topics.PARTITIONS, (short) 1).configs(topicConfigs()));
                } else {
                    retained.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), topicConfigs().entrySet()
                            .stream().map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()),
                                    AlterConfigOp.OpType.SET)).toList());
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            if (!retained.isEmpty()) {
                admin.incrementalAlterConfigs(retained).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Every event topic and every consumer group's dead-letter topic of the registry. */
    static List<String> registryTopics() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.addAll(Topics.DEAD_LETTERS);
        return topics;
    }

    static Map<String, String> topicConfigs() {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(RETENTION.toMillis()),
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(SEGMENT.toMillis()));
    }

    /** An admin client of this broker: as the broker's own SASL user when the listener wants one. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        if (!saslUsers.isEmpty()) {
            props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
            props.put(SaslConfigs.SASL_JAAS_CONFIG, plainJaasConfig(BROKER_USER, saslUsers.get(BROKER_USER)));
        }
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return Admin.create(props);
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
