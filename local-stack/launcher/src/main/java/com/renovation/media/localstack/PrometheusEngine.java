package com.renovation.media.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus from the host's package (Debian's {@code prometheus}; CI installs it with apt), started by
 * {@code ./platform up --observability} with the engines: it scrapes the services and evaluates the platform's
 * alert rules ({@link PrometheusConfig}). Its data is kept under the platform home across restarts.
 */
public final class PrometheusEngine extends ProcessEngine {

    static final String EXECUTABLE = "prometheus";
    /** Local metrics are for looking at now, not for a history: a week is plenty and bounds the disk. */
    static final String RETENTION = "7d";
    static final String NOT_INSTALLED = "Prometheus is not installed: apt-get install -y prometheus (Debian's"
            + " package; brew install prometheus on macOS), or start without --observability";


    private final PlatformSettings settings;

    public PrometheusEngine(PlatformSettings settings) {
        // it writes its head block out when stopped: seconds
        super(Duration.ofSeconds(30));
        this.settings = settings;
    }

    @Override
    public String name() {
        return "prometheus";
    }

    Path dir() {
        return settings.home().resolve("prometheus");
    }

    Path configFile() {
        return dir().resolve("prometheus.yml");
    }

    @Override
    public void start() throws Exception {
        Path executable = executable(System.getenv("PATH")).orElseThrow(() -> new IllegalStateException(
                NOT_INSTALLED));
        refusePlatformPorts();
        Ports.requireFree("Prometheus", settings.prometheusPort());
        Files.createDirectories(dir().resolve("data"));
        Files.writeString(configFile(), PrometheusConfig.yaml(settings));
        ManagedProcess started = ManagedProcess.start(name(), List.of(executable.toString(),
                "--config.file=" + configFile(),
                "--storage.tsdb.path=" + dir().resolve("data"),
                "--storage.tsdb.retention.time=" + RETENTION,
                // loopback only, like the other engines
                "--web.listen-address=127.0.0.1:" + settings.prometheusPort()), Map.of(), dir(), settings);
        process = started;
        Ports.await("Prometheus", Duration.ofSeconds(60), () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("Prometheus exited; see " + settings.logDir().resolve(name() + ".log"));
            }
            return healthy();
        });
    }

    /**
     * Prometheus starts with the engines, so it would take a port the platform means for another engine or for a
     * service that starts after it: 9090, Prometheus's usual port, is the console's management port.
     */
    private void refusePlatformPorts() {
        Map<String, Integer> taken = new java.util.LinkedHashMap<>();
        taken.put("PostgreSQL's", settings.pgPort());
        taken.put("Kafka's", settings.kafkaPort());
        taken.put("Kafka's controller", settings.kafkaControllerPort());
        taken.put("S3's", settings.s3Port());
        taken.put("SMTP's", settings.smtpPort());
        taken.put("the mails' web", settings.smtpApiPort());
        taken.put("the stand-in provider's", settings.providerPort());
        for (PlatformSettings.ServiceSpec service : settings.services()) {
            taken.put(service.name() + "'s", service.port());
            taken.put(service.name() + "'s management", service.managementPort());
        }
        taken.forEach((owner, port) -> {
            if (port == settings.prometheusPort()) {
                throw new IllegalStateException("PROMETHEUS_PORT " + port + " is " + owner + " port: choose another");
            }
        });
    }

    /** {@code prometheus} on {@code path} (Debian's is /usr/bin/prometheus), if installed. */
    static Optional<Path> executable(String path) {
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, EXECUTABLE))) {
                return Optional.of(Path.of(dir, EXECUTABLE));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean healthy() {
        return Ports.answersOk(settings.prometheusPort(), settings.prometheusUrl() + "/-/ready");
    }

    @Override
    public String address() {
        List<String> scraped = PrometheusConfig.scraped(settings).stream().map(PlatformSettings.ServiceSpec::name)
                .toList();
        return settings.prometheusUrl() + "/ (alerts at /alerts, targets at /targets; scrapes "
                + (scraped.isEmpty() ? "no service" : String.join(", ", scraped)) + ")";
    }
}
