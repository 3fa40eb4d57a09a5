package com.renovation.media.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the local platform keeps its data and which ports it listens on. Every value can be overridden by an
 * environment variable of the same name the services read (PG_PORT, KAFKA_PORT, ...).
 */
public record PlatformSettings(Path root, Path home, int pgPort, int kafkaPort, int kafkaControllerPort, int s3Port,
        int smtpPort, int smtpApiPort, int providerPort, List<ServiceSpec> services, int consolePort,
        int orderServicePort, int prometheusPort) {

    public static final String DATABASE = "media";
    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";
    public static final String S3_ACCESS_KEY = "local-access-key";
    public static final String S3_SECRET_KEY = "local-secret-key";
    public static final String S3_REGION = "us-east-1";

    /** The web console's module, and the name its address line begins with. */
    public static final String CONSOLE = "web-console";
    /** The service the payment provider's webhook and the stand-in provider's checkout page talk to. */
    public static final String ORDER_SERVICE = "order-service";
    /** The stand-in of the processing and payment provider: a module of the build, run as an engine. */
    public static final String PROVIDER_STANDIN_MODULE = "local-stack/provider-standin";

    /** The services in start order, with their default API and management ports. */
    static final List<ServiceSpec> ALL_SERVICES = List.of(
            new ServiceSpec("asset-service", 8080, 9080),
            new ServiceSpec("variant-worker", 8081, 9081),
            new ServiceSpec("document-service", 8082, 9082),
            new ServiceSpec("catalog-service", 8083, 9083),
            new ServiceSpec(ORDER_SERVICE, 8084, 9084),
            new ServiceSpec(CONSOLE, 8090, 9090));
    private static final ServiceSpec CONSOLE_SPEC = spec(CONSOLE);
    private static final ServiceSpec ORDER_SPEC = spec(ORDER_SERVICE);

    public static PlatformSettings fromEnvironment(Map<String, String> env) {
        Path root = Path.of(env.getOrDefault("PLATFORM_ROOT", ".")).toAbsolutePath().normalize();
        Path home = Path.of(env.getOrDefault("PLATFORM_HOME", root.resolve(".platform").toString()))
                .toAbsolutePath().normalize();
        int kafkaPort = port(env, "KAFKA_PORT", 59092);
        List<ServiceSpec> services = selectServices(root, env.get("PLATFORM_SERVICES")).stream()
                .map(s -> new ServiceSpec(s.name(), port(env, s.portVariable(), s.port()),
                        port(env, s.managementPortVariable(), s.managementPort())))
                .toList();
        return new PlatformSettings(root, home, port(env, "PG_PORT", 55432), kafkaPort,
                port(env, "KAFKA_CONTROLLER_PORT", kafkaPort + 1), port(env, "S3_PORT", 59000),
                port(env, "SMTP_PORT", 59025), port(env, "SMTP_API_PORT", 59080), port(env, "PROVIDER_PORT", 59300),
                services, port(env, CONSOLE_SPEC.portVariable(), CONSOLE_SPEC.port()),
                port(env, ORDER_SPEC.portVariable(), ORDER_SPEC.port()),
                // not 9090, Prometheus's own default: the console's management port, and Debian's system service
                port(env, "PROMETHEUS_PORT", 59090));
    }

    private static ServiceSpec spec(String name) {
        return ALL_SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** The services the build has as modules, or those PLATFORM_SERVICES names ("none" for none). */
    private static List<ServiceSpec> selectServices(Path root, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            String parentPom = readQuietly(root.resolve("pom.xml"));
            return ALL_SERVICES.stream().filter(s -> parentPom.contains("<module>" + s.name() + "</module>")).toList();
        }
        List<String> names = Arrays.stream(wanted.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        for (String name : names) {
            if (!name.equals("none") && ALL_SERVICES.stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("PLATFORM_SERVICES names an unknown service: " + name);
            }
        }
        return ALL_SERVICES.stream().filter(s -> names.contains(s.name())).toList();
    }

    /**
     * Whether the build has the stand-in provider's module: it is started with the engines then (a checkout
     * without it runs without it, as services missing from the build are left out).
     */
    public boolean hasProviderStandIn() {
        return readQuietly(root.resolve("pom.xml")).contains("<module>" + PROVIDER_STANDIN_MODULE + "</module>");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: " + value);
        }
    }

    /** Engines only, on free ports, with data under {@code home}: for tests that stop and start an engine. */
    public static PlatformSettings isolated(Path home) {
        int kafka = freePort();
        return new PlatformSettings(findRoot(), home, freePort(), kafka, freePort(), freePort(), freePort(),
                freePort(), freePort(), List.of(), CONSOLE_SPEC.port(), ORDER_SPEC.port(), freePort());
    }

    /** The checkout's root: the nearest directory upwards holding the {@code platform} script. */
    public static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("platform")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the platform's checkout");
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public PlatformSettings withoutServices() {
        return withServices(List.of());
    }

    public PlatformSettings withServices(List<ServiceSpec> selected) {
        return new PlatformSettings(root, home, pgPort, kafkaPort, kafkaControllerPort, s3Port, smtpPort, smtpApiPort,
                providerPort, List.copyOf(selected), consolePort, orderServicePort, prometheusPort);
    }

    public Path runDir() {
        return home.resolve("run");
    }

    public Path logDir() {
        return home.resolve("logs");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
    }

    /** Where the SMTP server's mails can be read: its web page and its JSON API (/api/user/{email}/messages/). */
    public String mailUrl() {
        return "http://127.0.0.1:" + smtpApiPort;
    }

    /** The stand-in provider (predictions, outputs, checkout page), as order-service and browsers reach it. */
    public String providerUrl() {
        return "http://localhost:" + providerPort;
    }

    /**
     * order-service's API: the stand-in's checkout posts the payment webhook there and {@code ./platform pay}
     * too. Its port is known even when the services are not started here (engines only, under the browser tests).
     */
    public String orderServiceUrl() {
        return "http://localhost:" + orderServicePort;
    }

    /** Where a service of this platform listens for browsers (its default port when it is not started). */
    public String serviceUrl(String name) {
        int port = name.equals(CONSOLE) ? consolePort : name.equals(ORDER_SERVICE) ? orderServicePort
                : services.stream().filter(s -> s.name().equals(name)).mapToInt(ServiceSpec::port).findFirst()
                        .orElseGet(() -> spec(name).port());
        return "http://127.0.0.1:" + port;
    }

    /**
     * The origins the console is opened from: the APIs' CORS and the S3 server's allow them, and nothing else.
     * Both names of the loopback address, since either may be typed.
     */
    public List<String> consoleOrigins() {
        String console = serviceUrl(CONSOLE);
        return List.of(console, console.replace("127.0.0.1", "localhost"));
    }

    /** Prometheus's web UI and API ({@code up --observability}). */
    public String prometheusUrl() {
        return "http://127.0.0.1:" + prometheusPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    /** One service: its module directory name, API port and management port (health, metrics, OpenAPI). */
    public record ServiceSpec(String name, int port, int managementPort) {
        String portVariable() {
            return name.toUpperCase().replace('-', '_') + "_PORT";
        }

        String managementPortVariable() {
            return name.toUpperCase().replace('-', '_') + "_MANAGEMENT_PORT";
        }
    }
}
