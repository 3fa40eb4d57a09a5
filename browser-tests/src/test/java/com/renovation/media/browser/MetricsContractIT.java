package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.localstack.PlatformSettings;
import com.renovation.media.localstack.WarmUp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every metric the operators' dashboard and alert rules query is one the running services export: after the
 * warm-up's uploads and estimate, each service's {@code /q/metrics} (its management port) is scraped, and every
 * metric name in {@code deploy/observability/dashboard.json} and {@code alerts.rules.yaml} must be among them. A
 * renamed meter would otherwise leave an alert that can never fire and a panel that stays empty.
 */
class MetricsContractIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theDashboardAndTheAlertsQueryOnlyMetricsTheServicesExport() throws Exception {
        PlatformSettings settings = Platform.start();
        WarmUp.run(settings, Platform.tokens()); // uploads, variants, an estimate: the counters have moved

        Set<String> exported = new TreeSet<>();
        for (PlatformSettings.ServiceSpec service : settings.services()) {
            if (service.name().equals(PlatformSettings.CONSOLE)) {
                continue; // health checks only
            }
            HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + service.managementPort() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as(service.name()).isEqualTo(200);
            exported.addAll(PromQlNames.exposed(scrape.body()));
        }

        Path observability = PlatformSettings.findRoot().resolve("deploy/observability");
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : new ObjectMapper().readTree(observability.resolve("dashboard.json").toFile()).path("panels")) {
            panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
        }
        queries.addAll(PromQlNames.ruleExpressions(Files.readString(observability.resolve("alerts.rules.yaml"))));
        assertThat(queries).hasSizeGreaterThan(20);

        Set<String> queried = new TreeSet<>();
        queries.forEach(query -> queried.addAll(PromQlNames.metrics(query)));
        assertThat(queried).as("metrics the dashboard and the alerts query").hasSizeGreaterThan(15);
        assertThat(exported).as("what the services export").containsAll(queried);
    }
}
