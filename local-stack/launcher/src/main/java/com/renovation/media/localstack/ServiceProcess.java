package com.renovation.media.localstack;

import com.renovation.media.localtokens.LocalTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Quarkus service run from its fast-jar, in the "local" profile, wired to the local engines. */
final class ServiceProcess extends ProcessEngine {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformSettings settings;
    private final PlatformSettings.ServiceSpec spec;
    private final LocalTokens jwt;
    private final Map<String, String> overrides;

    ServiceProcess(PlatformSettings settings, PlatformSettings.ServiceSpec spec, LocalTokens jwt) {
        this(settings, spec, jwt, Map.of());
    }

    /** {@code overrides}: environment variables that replace or add to the platform's (a test's variant). */
    ServiceProcess(PlatformSettings settings, PlatformSettings.ServiceSpec spec, LocalTokens jwt,
            Map<String, String> overrides) {
        // a stop after the first run of a build also writes the service's AOT cache: seconds more
        super(Duration.ofSeconds(60));
        this.settings = settings;
        this.spec = spec;
        this.jwt = jwt;
        this.overrides = Map.copyOf(overrides);
    }

    @Override
    public String name() {
        return spec.name();
    }

    static Path jar(PlatformSettings settings, PlatformSettings.ServiceSpec spec) {
        return settings.root().resolve(spec.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    public void start() throws Exception {
        Ports.requireFree(spec.name(), spec.port());
        Ports.requireFree(spec.name() + " management", spec.managementPort());
        Path jar = jar(settings, spec);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with `mvn -B install -DskipTests`");
        }
        List<String> aot = AotCache.jvmOptions(jar);
        if (aot.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput"))) {
            synchronized (System.out) {
                System.out.printf("  %-17s first run of this build: it trains its AOT cache, written when it stops%n",
                        spec.name());
            }
        }
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xmx512m"));
        command.addAll(aot);
        List<String> extra = extraJvmOptions();
        command.addAll(extra.isEmpty() ? jitOptions() : extra);
        command.addAll(List.of("-jar", jar.toString()));
        ManagedProcess started = ManagedProcess.start(spec.name(), command, environment(), settings.root(), settings);
        process = started;
        Ports.await(spec.name(), Duration.ofSeconds(120), () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited; see "
                        + settings.logDir().resolve(spec.name() + ".log"));
            }
            return healthy();
        });
    }

    /** The environment variables every service reads (README "Configuration"). */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(spec.managementPort()));
        env.put("PG_HOST", "127.0.0.1");
        env.put("PG_PORT", Integer.toString(settings.pgPort()));
        env.put("PG_DATABASE", PlatformSettings.DATABASE);
        env.put("PG_USER", PlatformSettings.DB_USER);
        env.put("PG_PASSWORD", PlatformSettings.DB_PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        env.put("S3_ENDPOINT", settings.s3Endpoint());
        env.put("S3_REGION", PlatformSettings.S3_REGION);
        env.put("S3_ACCESS_KEY", PlatformSettings.S3_ACCESS_KEY);
        env.put("S3_SECRET_KEY", PlatformSettings.S3_SECRET_KEY);
        env.put("JWT_PUBLIC_KEY_LOCATION", jwt.publicKeyFile().toString());
        env.put("JWT_ISSUER", LocalTokens.ISSUER);
        env.put("JWT_AUDIENCE", LocalTokens.AUDIENCE);
        // the APIs answer browsers from the console's origins; the console tells browsers where the APIs are
        env.put("CORS_ORIGINS", String.join(",", settings.consoleOrigins()));
        env.put("CONSOLE_API_URL", settings.serviceUrl("asset-service"));
        env.put("CONSOLE_CATALOG_URL", settings.serviceUrl("catalog-service"));
        env.put("CONSOLE_ORDERS_URL", settings.serviceUrl(PlatformSettings.ORDER_SERVICE));
        env.put("CONSOLE_STORAGE_URL", settings.s3Endpoint());
        env.put("CONSOLE_LOCAL_HOME", settings.home().toString());
        // libvips (variant-worker) allocates from its worker threads; more glibc arenas only add resident memory
        env.put("MALLOC_ARENA_MAX", "2");
        if (spec.name().equals(PlatformSettings.ORDER_SERVICE)) {
            env.putAll(orderServiceEnvironment(settings));
        }
        env.putAll(overrides);
        return env;
    }

    /**
     * order-service's providers on this machine: the stand-in (processing, and the checkout whose payment webhook
     * comes back signed with the same secret) and the SMTP server. Users' webhooks may target this machine here.
     */
    static Map<String, String> orderServiceEnvironment(PlatformSettings settings) {
        LocalSecrets secrets = new LocalSecrets(settings.home());
        Map<String, String> env = new HashMap<>();
        env.put("PLATFORM_PROVIDER_BASE_URL", settings.providerUrl());
        env.put("PLATFORM_PROVIDER_TOKEN", secrets.providerToken());
        env.put("PLATFORM_PAYMENTS_WEBHOOK_SECRET", secrets.paymentsWebhookSecret());
        env.put("PLATFORM_ORDERS_CHECKOUT_URL",
                settings.providerUrl() + "/checkout?order={orderId}&amount={total}&currency={currency}");
        env.put("QUARKUS_MAILER_HOST", "localhost");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(settings.smtpPort()));
        env.put("QUARKUS_MAILER_FROM", "media-platform@localhost");
        env.put("QUARKUS_MAILER_MOCK", "false");
        env.put("PLATFORM_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        env.put("PLATFORM_NOTIFICATIONS_CONSOLE_URL", settings.serviceUrl(PlatformSettings.CONSOLE));
        return env;
    }

    @Override
    public boolean healthy() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(healthUrl()))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Health lives on the management port only: the API's port answers 404 there. */
    String healthUrl() {
        return "http://127.0.0.1:" + spec.managementPort() + "/q/health/ready";
    }

    @Override
    public String address() {
        String operators = spec.name().equals(PlatformSettings.CONSOLE) ? "/q/health" : "/q/health, /q/metrics,"
                + " /q/openapi, /q/swagger-ui";
        return "http://127.0.0.1:" + spec.port() + " (operators: http://127.0.0.1:" + spec.managementPort()
                + operators + ")";
    }

    /**
     * The JIT's thresholds ten times higher. Six JVMs start at once on few cores, and compiling code that runs only
     * at start (configuration, channels, the metamodel) was 4 of each service's 7 CPU seconds (C2 alone 2.5-3):
     * `up` took a median 28 s with this against 37 s without (five runs each). Code that stays hot is compiled all
     * the same, after more calls; the first uploads after `up` met the latency goals either way (README
     * "Performance").
     */
    static List<String> jitOptions() {
        return List.of("-XX:CompileThresholdScaling=10");
    }

    /**
     * {@code PLATFORM_SERVICE_JVM_OPTIONS}, split on spaces: options for every service JVM, in place of
     * {@link #jitOptions()} (the browser tests run theirs without C2, whose compilations cost more CPU than a
     * start-and-discard run gets back).
     */
    static List<String> extraJvmOptions() {
        String options = System.getenv("PLATFORM_SERVICE_JVM_OPTIONS");
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }
}
