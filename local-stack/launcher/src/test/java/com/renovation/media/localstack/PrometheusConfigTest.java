package com.renovation.media.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusConfigTest {

    private static PlatformSettings settings(Map<String, String> env) {
        return PlatformSettings.fromEnvironment(env);
    }

    @Test
    void eachServiceIsAJobNamedAfterItOnItsManagementPort() {
        PlatformSettings settings = settings(Map.of("PLATFORM_ROOT", "/srv/media platform",
                "PLATFORM_SERVICES", "asset-service,order-service", "ORDER_SERVICE_MANAGEMENT_PORT", "19084"));
        assertThat(PrometheusConfig.yaml(settings)).isEqualTo("""
                # Written by ./platform up --observability at every start (PrometheusConfig): edits do not last.
                global:
                  scrape_interval: 10s
                  evaluation_interval: 10s
                rule_files:
                  - '/srv/media platform/deploy/observability/*.rules.yaml'
                scrape_configs:
                  - job_name: 'asset-service'
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ['127.0.0.1:9080']
                  - job_name: 'order-service'
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ['127.0.0.1:19084']
                """);
    }

    @Test
    void everyServiceButTheConsoleIsScraped() {
        PlatformSettings settings = settings(Map.of("PLATFORM_SERVICES",
                "asset-service,variant-worker,document-service,catalog-service,order-service,web-console"));
        assertThat(PrometheusConfig.scraped(settings)).extracting(PlatformSettings.ServiceSpec::name).containsExactly(
                "asset-service", "variant-worker", "document-service", "catalog-service", "order-service");
        assertThat(PrometheusConfig.yaml(settings)).doesNotContain("web-console", ":9090'");
    }

    @Test
    void withoutServicesOnlyTheRulesAreLoaded() {
        String yaml = PrometheusConfig.yaml(settings(Map.of("PLATFORM_SERVICES", "none")));
        assertThat(yaml).contains("rule_files:\n  - '").endsWith("scrape_configs: []\n");
    }

    @Test
    void theRuleFilesAreTheDeployedAlertsOfThisCheckout() throws Exception {
        PlatformSettings settings = PlatformSettings.isolated(Path.of("unused"));
        Path rules = PrometheusConfig.ruleFiles(settings);
        try (var files = Files.newDirectoryStream(rules.getParent(), rules.getFileName().toString())) {
            List<Path> matched = new java.util.ArrayList<>();
            files.forEach(matched::add);
            assertThat(matched).extracting(p -> p.getFileName().toString()).contains("alerts.rules.yaml");
        }
    }

    @Test
    void aQuoteInAPathIsDoubled() {
        assertThat(PrometheusConfig.quoted("/home/o'brien/platform")).isEqualTo("'/home/o''brien/platform'");
    }

    @Test
    void thePortIsNeverPrometheusDefaultWhichTheConsoleManages() {
        assertThat(settings(Map.of()).prometheusPort()).isEqualTo(59090);
        assertThat(settings(Map.of("PROMETHEUS_PORT", "59191")).prometheusUrl()).isEqualTo("http://127.0.0.1:59191");
    }
}
