package com.renovation.media.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The prometheus.yml of {@code ./platform up --observability}: each started service's {@code /q/metrics} on its
 * management port as a job named after the service (the alert rules select by {@code job}, as in a cluster), and
 * the rule files of deploy/observability, so the platform's alerts can be seen pending and firing locally.
 */
final class PrometheusConfig {

    /** Short, so a local experiment shows within seconds; the rules' own {@code for:} still applies. */
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final String METRICS_PATH = "/q/metrics";
    /** Every *.rules.yaml there, as Prometheus globs it: a rule file added later is loaded too. */
    static final String RULE_FILES = "deploy/observability/*.rules.yaml";
    /**
     * Services without a Prometheus registry: the console has health checks but no /q/metrics (a 404 target, as
     * deploy/base/web-console.yaml says), so it is not scraped.
     */
    static final Set<String> WITHOUT_METRICS = Set.of(PlatformSettings.CONSOLE);

    private PrometheusConfig() {
    }

    /** The services this config scrapes: those {@code settings} starts, less those without metrics. */
    static List<PlatformSettings.ServiceSpec> scraped(PlatformSettings settings) {
        return settings.services().stream().filter(s -> !WITHOUT_METRICS.contains(s.name())).toList();
    }

    static Path ruleFiles(PlatformSettings settings) {
        return settings.root().resolve(RULE_FILES);
    }

    static String yaml(PlatformSettings settings) {
        StringBuilder yaml = new StringBuilder()
                .append("# Written by ./platform up --observability at every start (PrometheusConfig):"
                        + " edits do not last.\n")
                .append("global:\n")
                .append("  scrape_interval: ").append(INTERVAL.toSeconds()).append("s\n")
                .append("  evaluation_interval: ").append(INTERVAL.toSeconds()).append("s\n")
                .append("rule_files:\n")
                .append("  - ").append(quoted(ruleFiles(settings).toString())).append('\n');
        List<PlatformSettings.ServiceSpec> scraped = scraped(settings);
        if (scraped.isEmpty()) {
            return yaml.append("scrape_configs: []\n").toString();
        }
        yaml.append("scrape_configs:\n");
        for (PlatformSettings.ServiceSpec service : scraped) {
            yaml.append("  - job_name: ").append(quoted(service.name())).append('\n')
                    .append("    metrics_path: ").append(METRICS_PATH).append('\n')
                    .append("    static_configs:\n")
                    .append("      - targets: [").append(quoted("127.0.0.1:" + service.managementPort())).append("]\n");
        }
        return yaml.toString();
    }

    /** A YAML single-quoted scalar: a path may hold any character, and only the quote needs escaping (doubled). */
    static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
