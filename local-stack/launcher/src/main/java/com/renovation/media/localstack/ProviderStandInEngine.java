package com.renovation.media.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The stand-in of the external processing and payment provider (module local-stack/provider-standin), run as its
 * own JVM from the module's build: predictions and their outputs, and the checkout page that signs a payment
 * webhook to order-service. Its predictions and outputs live under the platform home, so a restart resumes them.
 */
public final class ProviderStandInEngine extends ProcessEngine {

    static final String MODULE = "provider-standin";
    static final String MAIN_CLASS = "com.renovation.media.standin.ProviderStandIn";


    private final PlatformSettings settings;
    private final LocalSecrets secrets;

    public ProviderStandInEngine(PlatformSettings settings) {
        super(Duration.ofSeconds(10));
        this.settings = settings;
        this.secrets = new LocalSecrets(settings.home());
    }

    @Override
    public String name() {
        return MODULE;
    }

    Path dataDir() {
        return settings.home().resolve(MODULE);
    }

    @Override
    public void start() throws Exception {
        Ports.requireFree("stand-in provider", settings.providerPort());
        Files.createDirectories(dataDir());
        Path classes = settings.root().resolve("local-stack").resolve(MODULE).resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " is missing: build first with `mvn -B install -DskipTests`");
        }
        String classpath = classes + File.pathSeparator + EngineClasspath.read(settings.root(), MODULE);
        ManagedProcess started = ManagedProcess.start(name(), List.of(ManagedProcess.javaExecutable(), "-Xms32m",
                "-Xmx384m", "-Djava.awt.headless=true", "-cp", classpath, MAIN_CLASS), environment(), dataDir(),
                settings);
        process = started;
        Ports.await("stand-in provider", Duration.ofSeconds(60), () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("the stand-in provider exited; see "
                        + settings.logDir().resolve(MODULE + ".log"));
            }
            return healthy();
        });
    }

    /** The stand-in's settings (its README): the same token and webhook secret order-service is given. */
    Map<String, String> environment() {
        return Map.of(
                "STANDIN_PORT", Integer.toString(settings.providerPort()),
                "STANDIN_DATA_DIR", dataDir().toString(),
                "STANDIN_TOKEN", secrets.providerToken(),
                "STANDIN_PAYMENT_WEBHOOK_URL", settings.orderServiceUrl() + "/webhooks/payments",
                "STANDIN_PAYMENT_SECRET", secrets.paymentsWebhookSecret());
    }

    @Override
    public boolean healthy() {
        int port = settings.providerPort();
        return Ports.answersOk(port, "http://127.0.0.1:" + port + "/_standin/stats",
                // the provider's token, in case the stand-in guards its control endpoints too
                "Authorization", "Bearer " + secrets.providerToken());
    }

    @Override
    public String address() {
        return settings.providerUrl() + " (predictions /v1/predictions, checkout /checkout, stats /_standin/stats;"
                + " data in " + dataDir() + ")";
    }
}
