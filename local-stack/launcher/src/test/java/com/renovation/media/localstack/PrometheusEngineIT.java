package com.renovation.media.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's Prometheus, as {@code up --observability} starts it: ready, with the platform's alert rules loaded. */
class PrometheusEngineIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    private PrometheusEngine prometheus;

    @AfterEach
    void stop() {
        if (prometheus != null) {
            prometheus.stop();
        }
    }

    @Test
    void startsReadyWithTheAlertRulesAndAJobPerServiceThenStops() throws Exception {
        PlatformSettings.ServiceSpec asset = new PlatformSettings.ServiceSpec("asset-service",
                PlatformSettings.freePort(), PlatformSettings.freePort());
        PlatformSettings settings = PlatformSettings.isolated(home).withServices(List.of(asset));
        prometheus = new PrometheusEngine(settings);
        prometheus.start();
        assertThat(prometheus.healthy()).isTrue();
        assertThat(get(settings.prometheusUrl() + "/-/ready").statusCode()).isEqualTo(200);
        assertThat(prometheus.address()).startsWith(settings.prometheusUrl()).contains("asset-service");

        // every group of deploy/observability's rule files, as Prometheus loaded them
        List<String> groups = Files.readAllLines(settings.root().resolve("deploy/observability/alerts.rules.yaml"))
                .stream().filter(line -> line.startsWith("  - name: ")).map(line -> line.substring(10).strip())
                .toList();
        assertThat(groups).contains("media-platform.uploads", "media-platform.http");
        HttpResponse<String> rules = get(settings.prometheusUrl() + "/api/v1/rules");
        assertThat(rules.statusCode()).isEqualTo(200);
        for (String group : groups) {
            assertThat(rules.body()).contains("\"name\":\"" + group + "\"");
        }
        assertThat(rules.body()).contains("\"name\":\"PendingUploadsPiling\"");

        // the service's management port is a target of a job named after it (down: nothing listens there); the
        // scrape manager takes its targets from discovery a few seconds after ready
        String scrapeUrl = "http://127.0.0.1:" + asset.managementPort() + "/q/metrics";
        Ports.await("the asset-service target", Duration.ofSeconds(30), () -> {
            try {
                return get(settings.prometheusUrl() + "/api/v1/targets").body().contains(scrapeUrl);
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(get(settings.prometheusUrl() + "/api/v1/targets").body()).contains("\"job\":\"asset-service\"");
        assertThat(settings.home().resolve("prometheus/data")).isDirectory();

        prometheus.stop();
        assertThat(Ports.isOpen(settings.prometheusPort())).isFalse();
        assertThat(prometheus.healthy()).isFalse();
    }

    @Test
    void refusesAPortOfTheServicesItScrapes() {
        PlatformSettings isolated = PlatformSettings.isolated(home);
        PlatformSettings.ServiceSpec console = new PlatformSettings.ServiceSpec(PlatformSettings.CONSOLE,
                PlatformSettings.freePort(), isolated.prometheusPort());
        prometheus = new PrometheusEngine(isolated.withServices(List.of(console)));
        assertThatThrownBy(prometheus::start).hasMessageContaining("PROMETHEUS_PORT " + isolated.prometheusPort())
                .hasMessageContaining("web-console's management port");
    }

    @Test
    void refusesAPortOfAnotherEngine() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(java.util.Map.of("PLATFORM_HOME", home.toString(),
                "PLATFORM_SERVICES", "none", "KAFKA_PORT", "59330", "PROMETHEUS_PORT", "59331"));
        prometheus = new PrometheusEngine(settings);
        assertThatThrownBy(prometheus::start).hasMessage("PROMETHEUS_PORT 59331 is Kafka's controller port:"
                + " choose another");
    }

    @Test
    void theExecutableIsTakenFromPath() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        assertThat(PrometheusEngine.executable(home + java.io.File.pathSeparator + bin)).isEmpty();
        Path fake = Files.writeString(bin.resolve("prometheus"), "#!/bin/sh\n");
        assertThat(PrometheusEngine.executable(home + java.io.File.pathSeparator + bin)).isEmpty(); // not executable
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        assertThat(PrometheusEngine.executable(home + java.io.File.pathSeparator + bin)).contains(fake);
        assertThat(PrometheusEngine.executable(null)).isEmpty();
        assertThat(PrometheusEngine.NOT_INSTALLED).contains("apt-get install -y prometheus");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
